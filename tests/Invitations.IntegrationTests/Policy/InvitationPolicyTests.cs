using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.Policy;

/// <summary>The invitation policy (contract §12): read and replaced by owners and admins, checked by every create route.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class InvitationPolicyTests(ServiceHost api)
{
    [Fact]
    public async Task ANewWorkspace_HasTheDefaultPolicy_AndAPutReplacesTheWhole()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var initial = await Get(workspace);

        var first = await api.SetPolicyAsync(workspace, new
        {
            allowed_domains = new[] { "Example.COM.", "*.Bücher.example", "example.com" },
            blocked_domains = new[] { "old.example.com" },
            max_expires_in_days = 5,
            inviter_roles = new[] { "owner", "admin", "team_supervisor" },
        });
        var replaced = await api.SetPolicyAsync(workspace, new { max_expires_in_days = 3 });

        Assert.Equal(
            """{"allowed_domains":[],"blocked_domains":[],"max_expires_in_days":null,"inviter_roles":["owner","admin"]}""",
            initial.ToJsonString());
        Assert.Equal(
            """{"allowed_domains":["example.com","*.xn--bcher-kva.example"],"blocked_domains":["old.example.com"],"max_expires_in_days":5,"inviter_roles":["owner","admin","team_supervisor"]}""",
            first.ToJsonString());
        Assert.Equal(
            """{"allowed_domains":[],"blocked_domains":[],"max_expires_in_days":3,"inviter_roles":["owner","admin"]}""",
            replaced.ToJsonString());
        Assert.Equal(replaced.ToJsonString(), (await Get(workspace)).ToJsonString());
    }

    [Theory]
    [InlineData("""{"allowed_domains":["localhost"]}""", "allowed_domains")]
    [InlineData("""{"allowed_domains":["*.com"]}""", "allowed_domains")]
    [InlineData("""{"allowed_domains":["https://example.com"]}""", "allowed_domains")]
    [InlineData("""{"blocked_domains":["someone@example.com"]}""", "blocked_domains")]
    [InlineData("""{"blocked_domains":["a.*.example.com"]}""", "blocked_domains")]
    [InlineData("""{"blocked_domains":"example.com"}""", "blocked_domains")]
    [InlineData("""{"max_expires_in_days":0}""", "max_expires_in_days")]
    [InlineData("""{"max_expires_in_days":31}""", "max_expires_in_days")]
    [InlineData("""{"inviter_roles":["admin"]}""", "inviter_roles")]
    [InlineData("""{"inviter_roles":["owner","chief"]}""", "inviter_roles")]
    [InlineData("""{"inviter_roles":[]}""", "inviter_roles")]
    [InlineData("""{"allowedDomains":["example.com"]}""", "allowed_domains")]
    public async Task APolicyThatIsNotValid_Is400NamingTheField_AndChangesNothing(string body, string field)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { blocked_domains = new[] { "spam.example" } });

        var response = await api.ClientWithKey(workspace.ApiKey).SendRawAsync(HttpMethod.Put, WorkspaceRulesScenario.Policy(workspace), body);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith(field, StringComparison.Ordinal) || e.Value!.ToJsonString().Contains(field, StringComparison.Ordinal));
        Assert.Equal("spam.example", (string?)(await Get(workspace))["blocked_domains"]![0]);
    }

    [Theory]
    [InlineData("team_supervisor")]
    [InlineData("viewer")]
    public async Task OnlyOwnersAndAdmins_SeeOrSetThePolicy_EvenWhenItLetsOthersInvite(string role)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { inviter_roles = new[] { "owner", "admin", "team_supervisor" } });
        var key = await api.MemberKeyAsync(workspace, role);

        var read = await api.ClientWithKey(key).GetAsync(WorkspaceRulesScenario.Policy(workspace));
        var write = await api.PutPolicyAsync(workspace, new { inviter_roles = new[] { "owner", role } }, key);
        var garbage = await api.ClientWithKey(key).SendRawAsync(HttpMethod.Put, WorkspaceRulesScenario.Policy(workspace), """{"max_expires_in_days":99}""");

        await ErrorAssert.ProblemAsync(read, HttpStatusCode.Forbidden, "cannot-manage-policy");
        await ErrorAssert.ProblemAsync(write, HttpStatusCode.Forbidden, "cannot-manage-policy");
        await ErrorAssert.ProblemAsync(garbage, HttpStatusCode.Forbidden, "cannot-manage-policy");
        Assert.Equal(3, (await Get(workspace))["inviter_roles"]!.AsArray().Count);
        var admin = await api.MemberKeyAsync(workspace, "admin");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithKey(admin).GetAsync(WorkspaceRulesScenario.Policy(workspace))).StatusCode);
    }

    [Fact]
    public async Task MaxExpiresInDays_CapsWhatACallerAsks_AndLowersTheDefaultLifetime()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { max_expires_in_days = 3 });

        var tooLong = await api.InviteAsync(workspace, Mailbox.NewAddress("long"), sendEmail: false, extra: new { expires_in_days = 4 });
        var capped = await (await api.InviteAsync(workspace, Mailbox.NewAddress("capped"), sendEmail: false, extra: new { expires_in_days = 3 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var byDefault = await (await api.InviteAsync(workspace, Mailbox.NewAddress("default"), sendEmail: false)).ReadJsonAsync(HttpStatusCode.Created);
        var bulk = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync($"{ApiClients.Native(workspace)}/bulk", new
        {
            invitations = new object[] { new { email = Mailbox.NewAddress("bulk-long"), expires_in_days = 10 }, new { email = Mailbox.NewAddress("bulk-ok") } },
            defaults = new { role = "viewer", send_email = false },
        })).ReadJsonAsync(HttpStatusCode.OK);

        await ErrorAssert.ProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Equal(TimeSpan.FromDays(3), Lifetime(capped));
        Assert.Equal(TimeSpan.FromDays(3), Lifetime(byDefault));
        Assert.Equal(["invalid", "created"], bulk["results"]!.AsArray().Select(r => (string?)r!["status"]));
        Assert.Equal(TimeSpan.FromDays(3), Lifetime(bulk["results"]![1]!["invitation"]!.AsObject()));
    }

    private async Task<JsonObject> Get(TestWorkspace workspace) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync(WorkspaceRulesScenario.Policy(workspace))).ReadJsonAsync(HttpStatusCode.OK);

    private static TimeSpan Lifetime(JsonObject invitation) =>
        invitation["expires_at"]!.GetValue<DateTimeOffset>() - invitation["created_at"]!.GetValue<DateTimeOffset>();
}
