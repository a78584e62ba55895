using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Invitations.LookupInvitation;

internal sealed class LookupInvitationQueryHandler(IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock)
    : IRequestHandler<LookupInvitationQuery, InvitationLookupResponse>
{
    public async Task<InvitationLookupResponse> Handle(LookupInvitationQuery query, CancellationToken cancellationToken)
    {
        var invitation = await db.FindByTokenAsync(db.Invitations.AsNoTracking(), query.Token!, cancellationToken)
            ?? throw InvitationErrors.NotFound();
        var workspace = await workspaces.FindAsync(invitation.WorkspaceId, cancellationToken) ?? throw InvitationErrors.NotFound();
        return new InvitationLookupResponse(
            workspace.Id.Value,
            workspace.Name,
            invitation.InvitedByEmail,
            invitation.Role.Name(),
            invitation.TeamTitle,
            invitation.Email,
            invitation.ExpiresAt,
            invitation.StatusAt(clock.GetUtcNow()).LowerCaseName(),
            PageLanguage(invitation.Locale, query.Languages ?? [], workspace.Branding.DefaultLocale));
    }

    /// <summary>The invitation's own language when it names one; otherwise the browser's when it is shipped; else the workspace's.</summary>
    private static string PageLanguage(string? locale, IReadOnlyList<string> browser, string? workspaceDefault) =>
        locale is null ? Languages.Negotiate(browser) ?? Languages.For(null, workspaceDefault) : Languages.For(locale, workspaceDefault);
}
