using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Time.Testing;

namespace Invitations.Domain.Tests.Invitations;

internal static class InvitationFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public const long UserId = 1042;

    public static FakeTimeProvider Clock() => new(Start);

    public static Actor Inviter(Role role = Role.Admin) => new(WorkspaceId.New(), 7, "lead@acme.io", role);

    public static Invitation Create(FakeTimeProvider clock, bool sendEmail = true, TimeSpan? lifetime = null) =>
        Invitation.Create(
            Inviter(),
            InvitationPolicy.Default,
            EmailAddress.Create("  Jane.Doe@Example.COM "),
            " Jane ",
            "Doe",
            Role.Teammate,
            new TeamRef(Guid.NewGuid(), "Default team"),
            lifetime ?? Invitation.DefaultLifetime,
            sendEmail,
            UserId,
            clock.GetUtcNow());
}
