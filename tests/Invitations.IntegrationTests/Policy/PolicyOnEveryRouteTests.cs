using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Policy;

/// <summary>
/// The policy's domain rules and who may invite whom, on the native create, both compatibility creates and a bulk row; the
/// domain rules again at accept (contract §12).
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class PolicyOnEveryRouteTests(ServiceHost api)
{
    public enum Route
    {
        Native,
        InviteTeammate,
        WorkspaceInvite,
        BulkRow,
    }

    public static TheoryData<Route> Routes => [Route.Native, Route.InviteTeammate, Route.WorkspaceInvite, Route.BulkRow];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task DomainRules_MatchWholeLabels_OnEveryCreateRoute(Route route)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new
        {
            allowed_domains = new[] { "example.com", "*.corp.example.com" },
            blocked_domains = new[] { "blocked.corp.example.com" },
        });
        var cases = new Dictionary<string, bool>
        {
            ["a@example.com"] = true,
            ["b@EXAMPLE.com"] = true,
            ["c@evil-example.com"] = false,
            ["d@example.com.evil.io"] = false,
            ["e@notexample.com"] = false,
            ["f@corp.example.com"] = false, // *. is for subdomains only
            ["g@team.corp.example.com"] = true,
            ["h@a.b.corp.example.com"] = true,
            ["i@blocked.corp.example.com"] = false,
            ["j@BLOCKED.Corp.Example.com"] = false,
        };

        var outcomes = new Dictionary<string, Outcome>();
        foreach (var email in cases.Keys)
        {
            outcomes[email] = await CreateAsync(route, workspace, workspace.ApiKey, email, LowRole(route));
        }

        foreach (var (email, allowed) in cases)
        {
            Assert.True(allowed ? outcomes[email].Created : outcomes[email].Is(403, "email-domain-not-allowed", "domain_not_allowed"), $"{email}: {outcomes[email]}");
        }

        Assert.Equal(cases.Count(c => c.Value), await Pending(workspace));
    }

    [Theory]
    [InlineData(Route.Native)]
    [InlineData(Route.WorkspaceInvite)]
    [InlineData(Route.BulkRow)]
    public async Task InternationalDomainNames_MatchInEitherForm(Route route)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { allowed_domains = new[] { "bücher.example" } });

        var unicode = await CreateAsync(route, workspace, workspace.ApiKey, "anna@bücher.example", LowRole(route));
        var punycode = await CreateAsync(route, workspace, workspace.ApiKey, "ben@XN--BCHER-KVA.example", LowRole(route));
        var upper = await CreateAsync(route, workspace, workspace.ApiKey, "cleo@BÜCHER.example", LowRole(route));
        var lookalike = await CreateAsync(route, workspace, workspace.ApiKey, "dan@bucher.example", LowRole(route));

        Assert.True(unicode.Created, unicode.ToString());
        Assert.True(punycode.Created, punycode.ToString());
        Assert.True(upper.Created, upper.ToString());
        Assert.True(lookalike.Is(403, "email-domain-not-allowed", "domain_not_allowed"), lookalike.ToString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task InviterRoles_AndTheRankRule_OnEveryCreateRoute(Route route)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var supervisor = await api.MemberKeyAsync(workspace, "team_supervisor");
        var teammate = await api.MemberKeyAsync(workspace, "teammate");
        var admin = await api.MemberKeyAsync(workspace, "admin");
        var beforeWidening = await CreateAsync(route, workspace, supervisor, Mailbox.NewAddress("early"), LowRole(route));

        await api.SetPolicyAsync(workspace, new { inviter_roles = new[] { "owner", "admin", "team_supervisor" } });
        var below = await CreateAsync(route, workspace, supervisor, Mailbox.NewAddress("below"), LowRole(route));
        var above = await CreateAsync(route, workspace, supervisor, Mailbox.NewAddress("above"), "admin");
        var notAnInviter = await CreateAsync(route, workspace, teammate, Mailbox.NewAddress("by-teammate"), LowRole(route));
        var sameRank = await CreateAsync(route, workspace, admin, Mailbox.NewAddress("peer"), "admin");

        Assert.True(beforeWidening.Is(403, "cannot-invite", null), beforeWidening.ToString());
        Assert.True(below.Created, below.ToString());
        Assert.True(above.Is(403, "role-may-not-invite", "invalid"), above.ToString());
        Assert.True(notAnInviter.Is(403, "cannot-invite", null), notAnInviter.ToString());
        Assert.True(sameRank.Created, sameRank.ToString());
        Assert.Equal(2, await Pending(workspace));
    }

    [Fact]
    public async Task AWidenedInviter_AlsoRevokesAndResends()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { inviter_roles = new[] { "owner", "team_supervisor" } });
        var supervisor = api.ClientWithKey(await api.MemberKeyAsync(workspace, "team_supervisor"));
        var admin = api.ClientWithKey(await api.MemberKeyAsync(workspace, "admin"));
        var first = await api.InvitationIdAsync(workspace);
        var second = await api.InvitationIdAsync(workspace);

        var resent = await supervisor.PostAsync($"{ApiClients.Native(workspace)}/{first}/resend", null);
        var revoked = await supervisor.PostAsync($"{ApiClients.Native(workspace)}/{second}/revoke", null);
        var adminNoLonger = await admin.PostAsync($"{ApiClients.Native(workspace)}/{first}/revoke", null);

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal("revoked", (string?)(await revoked.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        await ErrorAssert.ProblemAsync(adminNoLonger, HttpStatusCode.Forbidden, "cannot-invite");
    }

    [Fact]
    public async Task AcceptOfAnAddressAPolicyChangeNowRefuses_Is403_AndTheInvitationStaysPending()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "pat@partner.io");
        await api.SetPolicyAsync(workspace, new { blocked_domains = new[] { "partner.io" } });

        var refused = await api.AcceptAsync(token);
        var stillPending = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"{ApiClients.Native(workspace)}/{invitation["id"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        await api.SetPolicyAsync(workspace, new { });
        var accepted = await api.AcceptAsync(token);

        await ErrorAssert.ProblemAsync(refused, HttpStatusCode.Forbidden, "email-domain-not-allowed");
        Assert.Equal("pending", (string?)stillPending["status"]);
        await accepted.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(await api.MembersAsync(workspace), m => (string?)m!["email"] == "pat@partner.io");
    }

    /// <summary>A role every route takes and that every inviter may give.</summary>
    private static string LowRole(Route route) => route == Route.InviteTeammate ? "teammate" : "viewer";

    private Task<long> Pending(TestWorkspace workspace) =>
        api.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE workspace_id = @ws AND status = 'pending'", ("ws", workspace.Id));

    private async Task<Outcome> CreateAsync(Route route, TestWorkspace workspace, string key, string email, string role)
    {
        var client = api.CreateClient();
        HttpResponseMessage response;
        switch (route)
        {
            case Route.Native:
                client.DefaultRequestHeaders.Add("x-api-key", key);
                response = await client.PostAsJsonAsync(ApiClients.Native(workspace), new { email, role, send_email = false });
                return await Outcome.OfProblemAsync(response);
            case Route.InviteTeammate:
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                response = await client.PostAsJsonAsync(ApiClients.InviteTeammate, new { email, role });
                return new Outcome((int)response.StatusCode, null, await response.Content.ReadAsStringAsync());
            case Route.WorkspaceInvite:
                client.DefaultRequestHeaders.Add("x-api-key", key);
                client.DefaultRequestHeaders.Add("x-workspace-id", workspace.Id.ToString());
                response = await client.PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email, role });
                return new Outcome((int)response.StatusCode, null, await response.Content.ReadAsStringAsync());
            default:
                client.DefaultRequestHeaders.Add("x-api-key", key);
                response = await client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
                {
                    invitations = new[] { new { email, role, send_email = false } },
                });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return await Outcome.OfProblemAsync(response);
                }

                var row = (await response.ReadJsonAsync(HttpStatusCode.OK))["results"]![0]!;
                var status = (string)row["status"]!;
                return status == "created"
                    ? new Outcome(201, null, row.ToJsonString())
                    : new Outcome((int)row["error"]!["status"]!, KindOf(row["error"]!), row.ToJsonString()) { RowStatus = status };
        }
    }

    private static string? KindOf(JsonNode problem) => ((string?)problem["type"])?[ErrorAssert.ProblemPrefix.Length..];

    /// <summary>What a create answered: its status, the problem's kind (native and bulk), a bulk row's status.</summary>
    private sealed record Outcome(int Status, string? Kind, string Body)
    {
        public string? RowStatus { get; init; }

        public bool Created => Status is 200 or 201;

        /// <summary>Refused with <paramref name="status"/>; where the route names it, as <paramref name="kind"/> (a bulk row as <paramref name="rowStatus"/>).</summary>
        public bool Is(int status, string kind, string? rowStatus) =>
            Status == status && (Kind is null || Kind == kind) && (RowStatus is null || rowStatus is null || RowStatus == rowStatus);

        public static async Task<Outcome> OfProblemAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var kind = response.IsSuccessStatusCode ? null : KindOf(JsonNode.Parse(text)!);
            return new Outcome((int)response.StatusCode, kind, text);
        }
    }
}
