using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.DispatchInvitationEmails;

/// <summary>
/// A claimed email and what composing it needs: the invitation as it is now and the workspace's name and branding; and the
/// W3C traceparent of the request that owed it, for the dispatch's span to link to.
/// </summary>
public sealed record OwedEmail(
    InvitationId InvitationId,
    int Number,
    int Attempts,
    DateTimeOffset OwedSince,
    string TokenHash,
    string Email,
    Role Role,
    string TeamTitle,
    string InvitedByEmail,
    DateTimeOffset ExpiresAt,
    WorkspaceCard Workspace,
    string? TraceParent = null)
{
    public (Guid, int) Key => (InvitationId.Value, Number);
}
