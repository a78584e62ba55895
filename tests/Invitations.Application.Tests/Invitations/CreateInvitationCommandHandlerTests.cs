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
    private readonly WorkspaceId _workspaceId = WorkspaceId.New();
    private readonly CreateInvitationCommandHandler _handler;

    public CreateInvitationCommandHandlerTests()
    {
        _handler = new CreateInvitationCommandHandler(
            _db, _directory, new FakeTimeProvider(InvitationBuilder.Start), Options.Create(new InvitationOptions()));
        _directory.FindInvitingContextAsync(_workspaceId, Arg.Any<string?>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Context());
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
    }

    [Fact]
    public async Task Handle_UnknownTeam_ThrowsTeamNotFoundAndSavesNothing()
    {
        _directory.FindInvitingContextAsync(_workspaceId, "Sales", Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Context() with { Team = null });

        var error = await Assert.ThrowsAsync<DomainException>(
            () => _handler.Handle(Command() with { Team = "Sales" }, CancellationToken.None));

        Assert.Equal(ErrorCodes.TeamNotFound, error.Code);
        Assert.Contains("Sales", error.Message, StringComparison.Ordinal);
        await _db.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
        _ = _db.DidNotReceive().Invitations;
    }

    [Fact]
    public async Task Handle_AddressOfActiveMember_ThrowsAlreadyMemberAndSavesNothing()
    {
        _directory.FindInvitingContextAsync(_workspaceId, Arg.Any<string?>(), "jane.doe@example.com", Arg.Any<CancellationToken>())
            .Returns(Context() with { IsActiveMember = true });

        var error = await Assert.ThrowsAsync<DomainException>(
            () => _handler.Handle(Command() with { Email = " Jane.Doe@Example.com " }, CancellationToken.None));

        Assert.Equal(ErrorCodes.AlreadyMember, error.Code);
        await _db.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
        _ = _db.DidNotReceive().Invitations;
    }

    [Fact]
    public async Task Handle_UnknownWorkspace_ThrowsWorkspaceNotFoundAndSavesNothing()
    {
        var command = Command() with { Actor = InvitationBuilder.Actor(Role.Owner, WorkspaceId.New()) };

        var error = await Assert.ThrowsAsync<DomainException>(() => _handler.Handle(command, CancellationToken.None));

        Assert.Equal(ErrorCodes.WorkspaceNotFound, error.Code);
        await _db.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    private InvitingContext Context() =>
        new(new WorkspaceCard(_workspaceId, "Acme", Branding.None), new TeamRef(Guid.NewGuid(), "Default team"), IsActiveMember: false);

    private CreateInvitationCommand Command() =>
        new(InvitationBuilder.Actor(Role.Admin, _workspaceId), "jane.doe@example.com", "teammate");
}
