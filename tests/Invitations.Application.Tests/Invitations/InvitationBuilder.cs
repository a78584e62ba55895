using Invitations.Application.Invitations.DispatchInvitationEmails;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Tests.Invitations;

internal static class InvitationBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Actor Actor(Role role = Role.Admin, WorkspaceId? workspaceId = null) =>
        new(workspaceId ?? WorkspaceId.New(), 7, "lead@acme.io", role);

    public static Invitation Create(Role role = Role.Editor) => Invitation.Create(
        Actor(),
        EmailAddress.Create("Jane.Doe@Example.com"),
        "Jane",
        "Doe",
        role,
        new TeamRef(Guid.NewGuid(), "Support"),
        Invitation.DefaultLifetime,
        sendEmail: true,
        Start);

    /// <summary>The invitation as the dispatcher claims it for delivery <paramref name="number"/>.</summary>
    public static OwedEmail Owed(Invitation i, WorkspaceCard workspace, int number = 1, int attempts = 0, DateTimeOffset? owedSince = null) =>
        new(i.Id, number, attempts, owedSince ?? Start, $"hash-{i.Id.Value:N}-{number}", i.Email, i.Role, i.TeamTitle, i.InvitedByEmail,
            i.ExpiresAt, workspace);
}
