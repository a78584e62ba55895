using System.Net;
using System.Net.Http.Json;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.IntegrationTests.Idempotency;

[Collection(ServiceHostCollection.Name)]
public sealed class IdempotencyKeyTests(ServiceHost api)
{
    private const string Replayed = "Idempotent-Replayed";

    [Fact]
    public async Task Create_SameKeyAgain_ReplaysTheFirstResponseByteForByte_AndInvitesAndEmailsOnce()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("once");
        var body = new { email, role = "editor", first_name = "Ada" };

        var first = await PostAsync(workspace, Native(workspace), body, "create-ada-1");
        var second = await PostAsync(workspace, Native(workspace), body, "create-ada-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains(Replayed));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(Replayed)));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        await api.Smtp.WaitForMailAsync(email);
        Assert.Equal((1, 1), await api.DbAsync(async db => (
            await db.Invitations.CountAsync(i => i.WorkspaceId == new Domain.Workspaces.WorkspaceId(workspace.Id)),
            await db.InvitationDeliveries.CountAsync())));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(api.Smtp.To(email));
    }

    [Fact]
    public async Task Create_SameKeyDifferentBody_Is422MismatchAndWritesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await PostAsync(workspace, Native(workspace), new { email = "first@example.com", role = "editor" }, "k-mismatch"))
            .ReadJsonAsync(HttpStatusCode.Created);
        var before = await api.RowCountsAsync();

        var response = await PostAsync(workspace, Native(workspace), new { email = "second@example.com", role = "editor" }, "k-mismatch");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "idempotency-key-mismatch");
        Assert.False(response.Headers.Contains(Replayed));
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task SameKeyOnAnotherRoute_Is422Mismatch()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var created = await (await PostAsync(workspace, Native(workspace), new { email = "route@example.com", role = "editor" }, "k-route"))
            .ReadJsonAsync(HttpStatusCode.Created);

        var response = await PostAsync(workspace, $"{Native(workspace)}/{created["id"]}/revoke", null, "k-route");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "idempotency-key-mismatch");
        Assert.Equal("pending", (string?)(await Get(workspace, created["id"]!.GetValue<Guid>()))["status"]);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("two,values")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    [InlineData("x256")]
    public async Task Create_InvalidKey_Is400AndWritesNothing(string key)
    {
        var workspace = await api.CreateWorkspaceAsync();
        string[] keys = key switch { "x256" => [new string('x', 256)], "two,values" => ["two", "values"], _ => [key] };
        var before = await api.RowCountsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Native(workspace))
        {
            Content = JsonContent.Create(new { email = "bad-key@example.com", role = "editor" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", keys);

        var response = await api.ClientWithKey(workspace.ApiKey).SendAsync(request);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-idempotency-key");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Create_LongestValidKey_IsAccepted()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var key = new string('~', 254) + "!";

        var response = await PostAsync(workspace, Native(workspace), new { email = "long-key@example.com", role = "editor" }, key);

        await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheSameKeyInTwoWorkspaces_IsTwoRequests()
    {
        var one = await api.CreateWorkspaceAsync("One");
        var two = await api.CreateWorkspaceAsync("Two");
        var body = new { email = "both@example.com", role = "editor" };

        var first = await PostAsync(one, Native(one), body, "shared-key");
        var second = await PostAsync(two, Native(two), body, "shared-key");

        Assert.Equal(one.Id, (await first.ReadJsonAsync(HttpStatusCode.Created))["workspace_id"]!.GetValue<Guid>());
        Assert.Equal(two.Id, (await second.ReadJsonAsync(HttpStatusCode.Created))["workspace_id"]!.GetValue<Guid>());
        Assert.False(second.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task AnotherApiKeyOfTheSameWorkspace_ReplaysTheSameKey()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var adminKey = await api.MemberKeyAsync(workspace, "admin");
        var body = new { email = "either-key@example.com", role = "editor" };

        var first = await PostAsync(workspace, Native(workspace), body, "workspace-scope");
        var second = await api.ClientWithKey(adminKey).SendAsync(ApiClients.Post(Native(workspace), body, "workspace-scope"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.Headers.Contains(Replayed));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A400ForBadInput_IsNotRemembered_TheFixedRequestRunsWithTheSameKey()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var bad = await PostAsync(workspace, Native(workspace), new { email = "not-an-address", role = "editor" }, "fix-and-retry");
        var fixedUp = await PostAsync(workspace, Native(workspace), new { email = "fixed@example.com", role = "editor" }, "fix-and-retry");

        await ErrorAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal("fixed@example.com", (string?)(await fixedUp.ReadJsonAsync(HttpStatusCode.Created))["email"]);
        Assert.False(fixedUp.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task A409DecidedByTheRules_IsRememberedAndReplayed_EvenOnceTheConflictIsGone()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var holder = await api.InvitationIdAsync(workspace, "taken@example.com");
        var body = new { email = "taken@example.com", role = "editor" };

        var conflict = await PostAsync(workspace, Native(workspace), body, "conflict-key");
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{Native(workspace)}/{holder}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        var replay = await PostAsync(workspace, Native(workspace), body, "conflict-key");

        await ErrorAssert.ProblemAsync(conflict, HttpStatusCode.Conflict, "duplicate-pending");
        await ErrorAssert.ProblemAsync(replay, HttpStatusCode.Conflict, "duplicate-pending");
        Assert.True(replay.Headers.Contains(Replayed));
        Assert.Equal(await conflict.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await api.DbAsync(db => db.Invitations.CountAsync(i => i.NormalizedEmail == "taken@example.com")));
    }

    [Fact]
    public async Task A409ForAConcurrentChange_IsNotRemembered_TheRetryWithTheSameKeyRuns()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace);
        var revoke = $"{Native(workspace)}/{id}/revoke";

        HttpResponseMessage contended;
        await using (await ContendedAsync(id))
        {
            contended = await PostAsync(workspace, revoke, null, "contended");
        }

        var retried = await PostAsync(workspace, revoke, null, "contended");

        await ErrorAssert.ProblemAsync(contended, HttpStatusCode.Conflict, "concurrent-change");
        Assert.Equal("revoked", (string?)(await retried.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.False(retried.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task Twenty_ConcurrentRequestsWithOneKey_MakeOneInvitationAndOneEmail()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("stampede");
        var body = new { email, role = "viewer" };
        var client = api.ClientWithKey(workspace.ApiKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(ApiClients.Post(Native(workspace), body, "stampede"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var inUse in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await ErrorAssert.ProblemAsync(inUse, HttpStatusCode.Conflict, "idempotency-key-in-use");
            ErrorAssert.HasRetryAfter(inUse);
        }

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created, r => !r.Headers.Contains(Replayed));
        Assert.Single(await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToList()));
        await api.Smtp.WaitForMailAsync(email);
        Assert.Equal((1, 1), await api.DbAsync(async db => (
            await db.Invitations.CountAsync(i => i.NormalizedEmail == email),
            await db.InvitationDeliveries.CountAsync())));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(api.Smtp.To(email));
    }

    [Fact]
    public async Task WhileTheFirstRequestRuns_TheSameKeyIs409InUseWithRetryAfter_InEachRoutesShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();
        await using var holder = await IdempotencyKeyLock.HoldAsync(api.ConnectionString, workspace.Id, "busy");

        var native = await PostAsync(workspace, Native(workspace), new { email = "busy@example.com", role = "editor" }, "busy");
        var teammate = await api.BearerClient(workspace.ApiKey).SendAsync(ApiClients.Post(ApiClients.InviteTeammate, new { email = "busy@example.com" }, "busy"));
        var invite = await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
            .SendAsync(ApiClients.Post(ApiClients.WorkspaceInvite(workspace.Id), new { email = "busy@example.com", role = "viewer" }, "busy"));

        await ErrorAssert.ProblemAsync(native, HttpStatusCode.Conflict, "idempotency-key-in-use");
        await ErrorAssert.InviteTeammateAsync(teammate, HttpStatusCode.Conflict);
        await ErrorAssert.WorkspaceInviteAsync(invite, HttpStatusCode.Conflict);
        Assert.All([native, teammate, invite], ErrorAssert.HasRetryAfter);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Resend_SameKeyTwice_ResendsOnce()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace, sendEmail: false);
        var resend = $"{Native(workspace)}/{id}/resend";

        var first = await PostAsync(workspace, resend, null, "resend-once");
        var second = await PostAsync(workspace, resend, null, "resend-once");
        var withoutKey = await api.ClientWithKey(workspace.ApiKey).PostAsync(resend, null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.True(second.Headers.Contains(Replayed));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await ErrorAssert.ProblemAsync(withoutKey, HttpStatusCode.TooManyRequests, "resend-too-soon"); // a second resend did count
        Assert.Equal(2, await api.DbAsync(db => db.InvitationDeliveries.CountAsync(d => d.InvitationId == new InvitationId(id))));
    }

    [Fact]
    public async Task Revoke_SameKeyTwice_AnswersTheFirstRevokeBothTimes()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace);
        var revoke = $"{Native(workspace)}/{id}/revoke";

        var first = await PostAsync(workspace, revoke, null, "revoke-once");
        var second = await PostAsync(workspace, revoke, null, "revoke-once");
        var withoutKey = await api.ClientWithKey(workspace.ApiKey).PostAsync(revoke, null);

        Assert.Equal("revoked", (string?)(await second.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await ErrorAssert.ProblemAsync(withoutKey, HttpStatusCode.Conflict, "not-pending");
    }

    [Fact]
    public async Task InviteTeammate_SameKeyTwice_InvitesOnce_AndAMismatchAnswersInItsShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.BearerClient(workspace.ApiKey);

        var first = await client.SendAsync(ApiClients.Post(ApiClients.InviteTeammate, new { email = "teammate-key@example.com" }, "tm"));
        var second = await client.SendAsync(ApiClients.Post(ApiClients.InviteTeammate, new { email = "teammate-key@example.com" }, "tm"));
        var other = await client.SendAsync(ApiClients.Post(ApiClients.InviteTeammate, new { email = "someone-else@example.com" }, "tm"));

        Assert.Equal("ok", (string?)(await second.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.True(second.Headers.Contains(Replayed));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await ErrorAssert.InviteTeammateAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await api.DbAsync(db => db.Invitations.CountAsync(i => i.WorkspaceId == new Domain.Workspaces.WorkspaceId(workspace.Id))));
    }

    [Fact]
    public async Task WorkspaceInvite_SameKeyTwice_InvitesOnce_AndABadKeyAnswersInItsShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString());
        var path = ApiClients.WorkspaceInvite(workspace.Id);

        var first = await client.SendAsync(ApiClients.Post(path, new { email = "wi-key@example.com", role = "viewer" }, "wi"));
        var second = await client.SendAsync(ApiClients.Post(path, new { email = "wi-key@example.com", role = "viewer" }, "wi"));
        var badKey = await client.SendAsync(ApiClients.Post(path, new { email = "wi-key@example.com", role = "viewer" }, "two words"));

        Assert.True((bool)(await second.ReadJsonAsync(HttpStatusCode.OK))["success"]!);
        Assert.True(second.Headers.Contains(Replayed));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await ErrorAssert.WorkspaceInviteAsync(badKey, HttpStatusCode.BadRequest);
        Assert.Equal(1, await api.DbAsync(db => db.Invitations.CountAsync(i => i.WorkspaceId == new Domain.Workspaces.WorkspaceId(workspace.Id))));
    }

    [Fact]
    public async Task WithoutAKey_TheRoutesBehaveAsBefore()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var first = await api.InviteAsync(workspace, "no-key@example.com");
        var second = await api.InviteAsync(workspace, "no-key@example.com");

        await first.ReadJsonAsync(HttpStatusCode.Created);
        await ErrorAssert.ProblemAsync(second, HttpStatusCode.Conflict, "duplicate-pending");
        Assert.False(second.Headers.Contains(Replayed));
    }

    private static string Native(TestWorkspace workspace) => ApiClients.Native(workspace);

    private Task<HttpResponseMessage> PostAsync(TestWorkspace workspace, string path, object? body, string key) =>
        api.ClientWithKey(workspace.ApiKey).SendAsync(ApiClients.Post(path, body, key));

    /// <summary>
    /// Every save of the invitation meets a concurrent change, as when other writers keep changing its row between each read
    /// and write (the retries included), until disposed: a trigger makes each UPDATE of that row touch nothing.
    /// </summary>
    private async Task<IAsyncDisposable> ContendedAsync(Guid invitationId)
    {
        var name = $"contended_{invitationId:N}";
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var install = new NpgsqlCommand(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON invitations FOR EACH ROW WHEN (OLD.id = '{invitationId}') EXECUTE FUNCTION {name}();
            """,
            connection);
        await install.ExecuteNonQueryAsync();
        return new Undo(api.ConnectionString, $"DROP TRIGGER {name} ON invitations; DROP FUNCTION {name}();");
    }

    private sealed class Undo(string connectionString, string sql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Get(TestWorkspace workspace, Guid id) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{Native(workspace)}/{id}")).ReadJsonAsync(HttpStatusCode.OK);
}
