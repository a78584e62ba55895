using System.Diagnostics.Metrics;
using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Invitations.CreateInvitationsInBulk;
using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Invitations.Application.Tests.Invitations;

public sealed class CreateInvitationsInBulkTests
{
    private readonly IInvitationsDbContext _db = Substitute.For<IInvitationsDbContext>();
    private readonly IWorkspaceDirectory _directory = Substitute.For<IWorkspaceDirectory>();
    private readonly WorkspaceId _workspaceId = WorkspaceId.New();
    private readonly CreateInvitationsInBulkCommandValidator _validator = new();

    [Theory]
    [InlineData(Role.Teammate)]
    [InlineData(Role.Viewer)]
    public async Task Handle_ActorWhoMayNotInvite_ThrowsBeforeTouchingAnything(Role actorRole)
    {
        _directory.FindAsync(_workspaceId, Arg.Any<CancellationToken>()).Returns(InvitationBuilder.Card(_workspaceId));
        var handler = new CreateInvitationsInBulkCommandHandler(
            _db, _directory, new CreateInvitationCommandValidator(), new FakeTimeProvider(InvitationBuilder.Start),
            Options.Create(new InvitationOptions()), Substitute.For<IInvitationStore>(), Substitute.For<ISeats>(), Substitute.For<IUserIds>());

        var error = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(Command(actorRole, 3), CancellationToken.None));

        Assert.Equal(ErrorCodes.CannotInvite, error.Code);
        Assert.Single(_directory.ReceivedCalls()); // the workspace's policy, and nothing about the rows
        Assert.Empty(_db.ReceivedCalls());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validator_TakesOneToAThousandRows(int rows, bool valid)
    {
        var result = _validator.Validate(Command(Role.Admin, rows));

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("invitations", e.PropertyName));
    }

    [Theory]
    [InlineData("owner", null, null, "defaults.role")]
    [InlineData("chief", null, null, "defaults.role")]
    [InlineData(null, 0, null, "defaults.expires_in_days")]
    [InlineData(null, 31, null, "defaults.expires_in_days")]
    [InlineData(null, null, "Sales\u0007", "defaults.team")]
    public void Validator_RefusesDefaultsThatNoRowCouldUse(string? role, int? days, string? team, string field)
    {
        var command = Command(Role.Admin, 1) with { Defaults = new BulkInvitationDefaults(role, team, days) };

        var result = _validator.Validate(command);

        Assert.Equal(field, Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validator_TakesValidDefaults_CaseInsensitiveRole()
    {
        var command = Command(Role.Admin, 1) with { Defaults = new BulkInvitationDefaults("Viewer", "Sales", 30, false) };

        Assert.True(_validator.Validate(command).IsValid);
    }

    private CreateInvitationsInBulkCommand Command(Role actorRole, int rows) => new(
        InvitationBuilder.Actor(actorRole, _workspaceId),
        Enumerable.Range(0, rows).Select(i => new BulkInvitationRow($"row{i}@example.com", "viewer")).ToList());
}
