using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.JoinLinks.LookupJoinLink;

/// <summary>A disabled, expired or used-up link still looks up, so that the page can say which; an unknown one is 404.</summary>
internal sealed class LookupJoinLinkQueryHandler(IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock)
    : IRequestHandler<LookupJoinLinkQuery, JoinLinkLookupResponse>
{
    public async Task<JoinLinkLookupResponse> Handle(LookupJoinLinkQuery query, CancellationToken cancellationToken)
    {
        var link = await db.FindJoinLinkAsync(query.Token!, cancellationToken);
        var workspace = await workspaces.FindAsync(link.WorkspaceId, cancellationToken)
                        ?? throw new DomainException(ErrorCodes.JoinLinkNotFound, "No such join link.");
        return new JoinLinkLookupResponse(
            workspace.Name,
            link.Role.Name(),
            link.TeamTitle,
            link.ExpiresAt,
            link.StatusAt(clock.GetUtcNow()).Name(),
            Languages.Negotiate(query.Languages ?? []) ?? Languages.For(null, workspace.Branding.DefaultLocale));
    }
}
