using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.ListJoinLinks;

/// <summary>The workspace's join links, newest first (never their tokens).</summary>
public sealed record ListJoinLinksQuery(Actor Actor) : IRequest<IReadOnlyList<JoinLinkResponse>>;
