using System.Net;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Npgsql;

namespace Invitations.IntegrationTests.Expiry;

/// <summary>What the expiry sweep writes, read straight from the tables.</summary>
[Collection(ManualHostCollection.Name)]
public sealed class ExpiryCommandTests(ManualHost api)
{
    [Fact]
    public async Task Sweep_ChangesOnlyTheStatusOfOverduePendingRows()
    {
        var workspace = await api.StartCleanAsync();
        var overdue = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            overdue.Add(await api.InvitationIdAsync(workspace, sendEmail: i % 2 == 0));
        }

        var (accepted, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("accepted"));
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        var revoked = await api.InvitationIdAsync(workspace);
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{revoked}/revoke", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        api.FakeClock.Advance(TimeSpan.FromDays(3));
        var fresh = await api.InvitationIdAsync(workspace);
        var longLived = await api.InvitationIdAsync(workspace, expiresInDays: 30);
        api.FakeClock.Advance(TimeSpan.FromDays(5));
        var before = await SnapshotAsync();
        var members = await MembersSnapshotAsync();

        Assert.Equal(overdue.Count, await api.SendAsync(new ExpireOverdueInvitationsCommand()));

        var after = await SnapshotAsync();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, (row, status)) in before)
        {
            Assert.Equal(row, after[id].Row);
            Assert.Equal(overdue.Contains(id) ? "expired" : status, after[id].Status);
        }

        Assert.All(overdue, id => Assert.Equal("pending", before[id].Status));
        Assert.Equal("accepted", after[accepted["id"]!.GetValue<Guid>()].Status);
        Assert.Equal("revoked", after[revoked].Status);
        Assert.Equal("pending", after[fresh].Status);
        Assert.Equal("pending", after[longLived].Status);
        Assert.Equal(members, await MembersSnapshotAsync());
    }

    [Fact]
    public async Task Expiry_IsExactlyAtExpiresAt_ForTheSweepTheApiAndTheInvitee()
    {
        var workspace = await api.StartCleanAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("edge"));
        var id = invitation["id"]!.GetValue<Guid>();
        Assert.Equal(api.FakeClock.GetUtcNow() + TimeSpan.FromDays(7), invitation["expires_at"]!.GetValue<DateTimeOffset>());

        api.FakeClock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
        Assert.Equal("pending", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);

        api.FakeClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("expired", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
        Assert.Equal(HttpStatusCode.Gone, (await api.AcceptAsync(token)).StatusCode);
        Assert.Equal(1, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
        Assert.Equal("expired", await api.ScalarAsync<string>("SELECT status FROM invitations WHERE id = @id", ("id", id)));
    }

    /// <summary>Every invitation row as JSON without its status, plus the status, keyed by id.</summary>
    private async Task<Dictionary<Guid, (string Row, string Status)>> SnapshotAsync()
    {
        var rows = new Dictionary<Guid, (string, string)>();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, (to_jsonb(i) - 'status')::text, status FROM invitations i", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetGuid(0), (reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private Task<string> MembersSnapshotAsync() =>
        api.ScalarAsync<string>("SELECT coalesce(string_agg(to_jsonb(m)::text, ',' ORDER BY m.user_id), '') FROM members m");
}
