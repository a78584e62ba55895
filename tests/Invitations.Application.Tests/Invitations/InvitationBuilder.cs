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
}
