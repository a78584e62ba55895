using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.GetJoinLink;

public sealed record GetJoinLinkQuery(Actor Actor, JoinLinkId Id) : IRequest<JoinLinkResponse>;
