using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// contracts §3.5: with the database unreachable every route answers 503 with <c>Retry-After</c>, in its own error shape,
/// never a 500; and the service serves again once the database is back. The database is taken away from this host alone,
/// through a loopback proxy that refuses connections and drops the open ones, as a stopped server does.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.ProxiedFactory api) : IClassFixture<DatabaseOutageTests.ProxiedFactory>
{
    /// <summary>The service without workers, reaching its database through a proxy the test can cut.</summary>
    public sealed class ProxiedFactory() : ApiFactory(ApiHostOptions.Service with { Workers = false })
    {
        public TcpProxy Proxy { get; private set; } = null!;

        protected override async Task<string> CreateDatabaseAsync()
        {
            var connectionString = await base.CreateDatabaseAsync();
            var direct = new NpgsqlConnectionStringBuilder(connectionString);
            Proxy = new TcpProxy(direct.Host!, direct.Port);
            return connectionString;
        }

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ConnectionStrings:Invitations"] = new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                Host = "127.0.0.1",
                Port = Proxy.Port,
            }.ConnectionString;
            return settings;
        }

        protected override async Task DropDatabaseAsync()
        {
            await Proxy.DisposeAsync();
            await base.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task EveryRoute_WhileTheDatabaseIsDown_Is503WithRetryAfterInItsOwnShape()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("before-outage"));
        var id = invitation["id"]!.GetValue<Guid>();
        var (link, joinToken) = await api.CreateJoinLinkAsync(workspace);
        var native = ApiClients.Native(workspace);
        var requests = new (string Name, ErrorBody Shape, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("native create", ErrorBody.Problem, () => api.InviteAsync(workspace, Mailbox.NewAddress("during-outage"))),
            ("native list", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).GetAsync(native)),
            ("native get", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).GetAsync($"{native}/{id}")),
            ("native revoke", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).PostAsync($"{native}/{id}/revoke", null)),
            ("native resend", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).PostAsync($"{native}/{id}/resend", null)),
            ("members", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members")),
            ("invite-teammate", ErrorBody.StatusMessage, () => api.BearerClient(workspace.ApiKey)
                .PostAsJsonAsync(ApiClients.InviteTeammate, new { email = Mailbox.NewAddress("invite-teammate") })),
            ("workspace-invite", ErrorBody.SuccessMessage, () => api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
                .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email = Mailbox.NewAddress("workspace-invite"), role = "viewer" })),
            ("lookup", ErrorBody.Problem, () => api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token })),
            ("accept", ErrorBody.Problem, () => api.AcceptAsync(token)),
            ("join-link create", ErrorBody.Problem, () => api.PostJoinLinkAsync(workspace, new { role = "viewer" })),
            ("join-link rotate", ErrorBody.Problem, () => api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{link["id"]}/rotate", null)),
            ("join-link lookup", ErrorBody.Problem, () => api.CreateClient().LookupJoinLinkAsync(joinToken)),
            ("join", ErrorBody.Problem, () => api.JoinAsync(joinToken, Mailbox.NewAddress("join-during-outage"))),
            ("operator", ErrorBody.Problem, () => api.OperatorClient()
                .PostAsJsonAsync("/v1/admin/workspaces", new { name = "During", owner = new { email = Mailbox.NewAddress("owner") } })),
        };

        api.Proxy.Cut();
        try
        {
            foreach (var (name, shape, send) in requests)
            {
                var response = await send();

                var body = await ErrorAssert.ShapeAsync(response, shape, HttpStatusCode.ServiceUnavailable);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{name}: no Retry-After");
                Assert.DoesNotContain("Npgsql", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("127.0.0.1", body.ToJsonString(), StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.CreateClient().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            api.Proxy.Restore();
        }

        // Back: the first requests may still meet a connection the outage broke, and those are 503s too, never 500s.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        HttpResponseMessage after;
        do
        {
            after = await api.InviteAsync(workspace, Mailbox.NewAddress("after-outage"), sendEmail: false);
            Assert.True(after.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"Got {(int)after.StatusCode}");
        }
        while (after.StatusCode != HttpStatusCode.Created && DateTimeOffset.UtcNow < deadline);

        await after.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
    }
}
