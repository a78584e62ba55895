using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.DisableJoinLink;

/// <summary>Nobody joins through the link any more, from this moment; what it made stays.</summary>
public sealed record DisableJoinLinkCommand(Actor Actor, JoinLinkId Id) : IRequest<JoinLinkResponse>;
