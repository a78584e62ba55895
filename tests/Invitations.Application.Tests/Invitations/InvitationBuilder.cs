using Invitations.Application.Invitations.EmailOutbox;
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

    public static Invitation Create(string email = "Jane.Doe@Example.com", Role role = Role.Editor) => Invitation.Create(
        Actor(),
        InvitationPolicy.Default,
        EmailAddress.Create(email),
        "Jane",
        "Doe",
        role,
        new TeamRef(Guid.NewGuid(), "Support"),
        Invitation.DefaultLifetime,
        sendEmail: true,
        userId: 1042,
        Start);

    /// <summary>A workspace with no seat limit and the default invitation policy.</summary>
    public static WorkspaceCard Card(WorkspaceId id, string name = "Acme", Branding? branding = null) =>
        new(id, name, branding ?? Branding.None, null, InvitationPolicy.Default);

    /// <summary>The invitation as the dispatcher claims it for delivery <paramref name="number"/>, with the link <paramref name="token"/>.</summary>
    public static OwedEmail Owed(
        Invitation i, WorkspaceCard workspace, int number = 1, int attempts = 0, DateTimeOffset? owedSince = null, string? token = null)
    {
        token ??= SecretToken.New().Plaintext;
        return new OwedEmail(
            new ClaimedEmail(i.Id, number, attempts, owedSince ?? Start, token, SecretToken.HashOf(token), null), i, workspace);
    }
}
