using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Invitations.Application.Tests.Invitations;

public sealed class CreateInvitationCommandHandlerTests
{
    private readonly IInvitationsDbContext _db = Substitute.For<IInvitationsDbContext>();
    private readonly IWorkspaceDirectory _directory = Substitute.For<IWorkspaceDirectory>();
    private readonly IInvitationStore _store = Substitute.For<IInvitationStore>();
    private readonly IUserIds _userIds = Substitute.For<IUserIds>();
    private readonly WorkspaceId _workspaceId = WorkspaceId.New();
    private readonly CreateInvitationCommandHandler _handler;

    public CreateInvitationCommandHandlerTests()
    {
        _handler = new CreateInvitationCommandHandler(
            _db, _directory, _store, _userIds, new FakeTimeProvider(InvitationBuilder.Start), Options.Create(new InvitationOptions()),
            new DailyLimitGauge());
    }

    [Theory]
    [InlineData(Role.Teammate)]
    [InlineData(Role.TeamSupervisor)]
    [InlineData(Role.Viewer)]
    public async Task Handle_ActorWhoMayNotInvite_ThrowsBeforeTouchingAnything(Role actorRole)
    {
        var command = Command() with { Actor = InvitationBuilder.Actor(actorRole, _workspaceId) };

        var error = await Assert.ThrowsAsync<DomainException>(() => _handler.Handle(command, CancellationToken.None));

        Assert.Equal(ErrorCodes.CannotInvite, error.Code);
        Assert.Empty(_directory.ReceivedCalls());
        Assert.Empty(_db.ReceivedCalls());
        Assert.Empty(_store.ReceivedCalls());
        Assert.Empty(_userIds.ReceivedCalls());
    }

    private CreateInvitationCommand Command() =>
        new(InvitationBuilder.Actor(Role.Admin, _workspaceId), "jane.doe@example.com", "teammate");
}
