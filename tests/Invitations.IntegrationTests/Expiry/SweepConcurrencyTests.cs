using System.Net;
using Invitations.Application.Invitations.AcceptInvitation;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Invitations.ResendInvitation;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.Expiry;

/// <summary>
/// A request that changes an overdue invitation commits while a sweep batch is running: the sweep leaves it as the request
/// made it, because it checks the rule again on the row as it is when it updates it.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class SweepConcurrencyTests(ManualHost api)
{
    [Fact]
    public async Task ResendCommittedWhileTheSweepRuns_StaysPendingWithItsNewLifetime()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace, expiresInDays: 1);
        api.FakeClock.Advance(TimeSpan.FromDays(2));
        var actor = new Actor(new WorkspaceId(workspace.Id), workspace.OwnerUserId, workspace.OwnerEmail, Role.Owner);

        await InOpenTransactionWhileSweeping(mediator => mediator.Send(new ResendInvitationCommand(actor, new InvitationId(id))));

        var resent = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("pending", (string?)resent["status"]);
        Assert.Equal(api.FakeClock.GetUtcNow().AddDays(1), resent["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal("pending", await StoredStatusAsync(id));
    }

    [Fact]
    public async Task AcceptCommittedAtTheBoundaryWhileTheSweepRuns_StaysAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("boundary"));
        var id = invitation["id"]!.GetValue<Guid>();
        api.FakeClock.SetUtcNow(invitation["expires_at"]!.GetValue<DateTimeOffset>().AddSeconds(-1));

        await InOpenTransactionWhileSweeping(
            mediator => mediator.Send(new AcceptInvitationCommand(token)), beforeSweep: () => api.FakeClock.Advance(TimeSpan.FromSeconds(2)));

        Assert.Equal("accepted", await StoredStatusAsync(id));
        Assert.Equal("accepted", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
        var members = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, members["items"]!.AsArray().Count);
    }

    /// <summary>
    /// Runs <paramref name="change"/> through the service's own handler in a transaction left open, starts a sweep beside it,
    /// lets the sweep run into the changed row, and only then commits.
    /// </summary>
    private async Task InOpenTransactionWhileSweeping(Func<IMediator, Task> change, Action? beforeSweep = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InvitationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await change(scope.ServiceProvider.GetRequiredService<IMediator>());
        beforeSweep?.Invoke();

        var sweep = Task.Run(() => api.SendAsync(new ExpireOverdueInvitationsCommand()));
        await Task.WhenAny(sweep, Task.Delay(TimeSpan.FromSeconds(1)));
        await transaction.CommitAsync();
        await sweep;
    }

    private Task<string> StoredStatusAsync(Guid id) =>
        api.ScalarAsync<string>("SELECT status FROM invitations WHERE id = @id", ("id", id));
}
