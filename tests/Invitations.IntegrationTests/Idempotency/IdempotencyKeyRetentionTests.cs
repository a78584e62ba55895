using System.Net;
using System.Net.Http.Json;
using Invitations.Application.Idempotency.PurgeIdempotencyKeys;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Idempotency;

/// <summary>A key is kept <c>Invitations:IdempotencyKeyRetention</c> (a day by default); after that it is a new key, and purged.</summary>
[Collection(ManualHostCollection.Name)]
public sealed class IdempotencyKeyRetentionTests(ManualHost api)
{
    [Fact]
    public async Task AfterADay_TheKeyIsNew_AndThePurgeDeletesOnlyExpiredKeys()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace);
        var revoke = $"/v1/workspaces/{workspace.Id}/invitations/{id}/revoke";
        await (await RevokeAsync(workspace, revoke, "day-old")).ReadJsonAsync(HttpStatusCode.OK);
        api.FakeClock.Advance(TimeSpan.FromHours(23));
        var withinADay = await RevokeAsync(workspace, revoke, "day-old");
        await (await RevokeAsync(workspace, revoke, "fresh")).ReadJsonAsync(HttpStatusCode.Conflict);

        api.FakeClock.Advance(TimeSpan.FromHours(2));
        var afterADay = await RevokeAsync(workspace, revoke, "day-old");
        var purged = await api.SendAsync(new PurgeIdempotencyKeysCommand());

        Assert.Equal(HttpStatusCode.OK, withinADay.StatusCode);
        Assert.True(withinADay.Headers.Contains("Idempotent-Replayed"));
        await ErrorAssert.ProblemAsync(afterADay, HttpStatusCode.Conflict, "not-pending"); // ran again, against today's state
        Assert.False(afterADay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, purged); // "day-old" was written again just now; "fresh" is 2 hours old
        api.FakeClock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, await api.SendAsync(new PurgeIdempotencyKeysCommand())); // "fresh", 25 hours old
        Assert.Equal(1, await api.DbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM idempotency_keys").SingleAsync()));
    }

    private Task<HttpResponseMessage> RevokeAsync(TestWorkspace workspace, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Idempotency-Key", key);
        return api.ClientWithKey(workspace.ApiKey).SendAsync(request);
    }
}
