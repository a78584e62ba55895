using System.Net;
using System.Net.Http.Json;
using Invitations.Application.Invitations.ExpireOverdueInvitations;

namespace Invitations.IntegrationTests.Expiry;

/// <summary>A fake clock and no workers: the test moves time and runs the sweep itself.</summary>
[Collection(ManualHostCollection.Name)]
public sealed class ExpirySweepTests(ManualHost api)
{
    private static readonly TimeSpan EightDays = TimeSpan.FromDays(8);

    [Fact]
    public async Task Sweep_ExpiresExactlyTheOverdue_AndLeavesFreshAcceptedAndRevokedAlone()
    {
        var workspace = await api.StartCleanAsync();
        var overdue = new[]
        {
            await api.InvitationIdAsync(workspace), await api.InvitationIdAsync(workspace), await api.InvitationIdAsync(workspace, sendEmail: true),
        };
        var (acceptedInvitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("accepted"));
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var revoked = await api.InvitationIdAsync(workspace);
        await (await Client(workspace).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{revoked}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        api.FakeClock.Advance(EightDays);
        var fresh = new[] { await api.InvitationIdAsync(workspace), await api.InvitationIdAsync(workspace) };

        Assert.Equal(overdue.Length, await api.SendAsync(new ExpireOverdueInvitationsCommand()));

        foreach (var id in overdue)
        {
            Assert.Equal("expired", await StatusAsync(workspace, id));
        }

        foreach (var id in fresh)
        {
            Assert.Equal("pending", await StatusAsync(workspace, id));
        }

        Assert.Equal("accepted", await StatusAsync(workspace, acceptedInvitation["id"]!.GetValue<Guid>()));
        Assert.Equal("revoked", await StatusAsync(workspace, revoked));
        Assert.Equal(0, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Accept_OfAnOverdueInvitation_IsGone_WhetherOrNotTheSweepRan(bool swept)
    {
        var workspace = await api.StartCleanAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("late"));
        api.FakeClock.Advance(EightDays);
        if (swept)
        {
            Assert.Equal(1, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
        }

        Assert.Equal(HttpStatusCode.Gone, (await api.AcceptAsync(token)).StatusCode);
        var lookup = await (await api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("expired", (string?)lookup["status"]);
        Assert.Equal("expired", await StatusAsync(workspace, invitation["id"]!.GetValue<Guid>()));
        var members = await (await Client(workspace).GetAsync($"/v1/workspaces/{workspace.Id}/members")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(members["items"]!.AsArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reinvite_OfTheSameAddressAfterExpiry_IsCreated(bool swept)
    {
        var workspace = await api.StartCleanAsync();
        var email = Mailbox.NewAddress("again");
        var first = await api.InvitationIdAsync(workspace, email: email);
        api.FakeClock.Advance(EightDays);
        if (swept)
        {
            await api.SendAsync(new ExpireOverdueInvitationsCommand());
        }

        var second = await (await api.InviteAsync(workspace, email, sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(first, second["id"]!.GetValue<Guid>());
        Assert.Equal("pending", (string?)second["status"]);
        Assert.Equal("expired", await StatusAsync(workspace, first));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resend_OfAnExpiredInvitation_MakesItPendingWithAFreshLifetime_AndItsEmailWorks(bool swept)
    {
        var workspace = await api.StartCleanAsync();
        var email = Mailbox.NewAddress("revived");
        var id = await api.InvitationIdAsync(workspace, email: email, sendEmail: true);
        api.FakeClock.Advance(EightDays);
        if (swept)
        {
            await api.SendAsync(new ExpireOverdueInvitationsCommand());
        }

        var resent = await (await Client(workspace).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("pending", (string?)resent["status"]);
        Assert.Equal(api.FakeClock.GetUtcNow() + TimeSpan.FromDays(7), resent["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
        await api.DispatchEmailsAsync();
        var message = Assert.Single(api.Smtp.To(email));
        Assert.EndsWith("-2@invitations>", message.Message.Headers["Message-Id"], StringComparison.Ordinal);
        await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sweep_WithSmallBatches_ExpiresTheWholeBacklogInOneCommand()
    {
        var workspace = await api.StartCleanAsync();
        for (var i = 0; i < 50; i++)
        {
            await api.InvitationIdAsync(workspace);
        }

        api.FakeClock.Advance(EightDays);

        Assert.Equal(50, await api.SendAsync(new ExpireOverdueInvitationsCommand(BatchSize: 7)));
        Assert.Equal(50L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitations WHERE workspace_id = @w AND status = 'expired'", ("w", workspace.Id)));
        Assert.Equal(0, await api.SendAsync(new ExpireOverdueInvitationsCommand(BatchSize: 7)));
    }

    [Fact]
    public async Task Sweep_HonoursEachInvitationsOwnLifetime()
    {
        var workspace = await api.StartCleanAsync();
        var oneDay = await api.InvitationIdAsync(workspace, expiresInDays: 1);
        var sevenDays = await api.InvitationIdAsync(workspace);
        api.FakeClock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await api.SendAsync(new ExpireOverdueInvitationsCommand()));

        Assert.Equal("expired", await StatusAsync(workspace, oneDay));
        Assert.Equal("pending", await StatusAsync(workspace, sevenDays));
    }

    [Fact]
    public async Task OwedEmail_OfAnInvitationThatExpiredBeforeItsJobRan_IsNotSent()
    {
        var workspace = await api.StartCleanAsync();
        var email = Mailbox.NewAddress("too-late");
        var id = await api.InvitationIdAsync(workspace, email: email, sendEmail: true);
        api.FakeClock.Advance(EightDays);

        var report = await api.DispatchEmailsAsync();

        Assert.Empty(api.Smtp.To(email));
        Assert.True(report.Cancelled >= 1, report.ToString());
    }

    private async Task<string?> StatusAsync(TestWorkspace workspace, Guid id) =>
        (string?)(await api.GetInvitationAsync(workspace, id))["status"];

    private HttpClient Client(TestWorkspace workspace) => api.ClientWithKey(workspace.ApiKey);
}
