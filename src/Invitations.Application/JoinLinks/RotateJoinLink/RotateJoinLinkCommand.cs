using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.RotateJoinLink;

/// <summary>A new token, and so a new URL; the old one stops working at once. The id and the uses stay.</summary>
public sealed record RotateJoinLinkCommand(Actor Actor, JoinLinkId Id) : IRequest<JoinLinkResponse>;
