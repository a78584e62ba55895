using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Bulk;

public sealed class BulkInvitationTests(ApiFactory<BulkLimit> api) : IClassFixture<ApiFactory<BulkLimit>>
{
    [Fact]
    public async Task MixedRows_EachGetsItsOwnResult_InInputOrder_AndOneBadRowFailsOnlyItself()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var pendingId = await api.InvitationIdAsync(workspace, "pending@example.com");
        var fresh = Mailbox.NewAddress("fresh");

        var body = await BulkJsonAsync(workspace, new
        {
            invitations = new object[]
            {
                new { email = fresh, role = "editor", first_name = "Fresh" },
                new { email = "not an address", role = "editor" },
                new { email = "no-role@example.com" },
                new { email = "lost@example.com", role = "viewer", team = "Nowhere" },
                new { email = workspace.OwnerEmail.ToUpperInvariant(), role = "viewer" },
                new { email = "Pending@Example.com", role = "viewer" },
                new { email = fresh.ToUpperInvariant(), role = "admin" },
                new { email = "self@example.com", role = "admin", send_email = false, expires_in_days = 3 },
                new { email = "owner-role@example.com", role = "owner" },
            },
        });

        Assert.Equal(2, (int)body["summary"]!["created"]!);
        Assert.Equal(7, (int)body["summary"]!["failed"]!);
        var results = body["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(0, 9), results.Select(r => (int)r["index"]!));
        Assert.All(results, r => Assert.False(r.ContainsKey("line")));
        Assert.Equal(
            ["created", "invalid", "invalid", "team_not_found", "already_member", "duplicate_pending", "duplicate_in_request", "created", "invalid"],
            results.Select(r => (string?)r["status"]));
        Assert.Equal("not an address", (string?)results[1]["email"]);
        Assert.Equal(fresh.ToUpperInvariant(), (string?)results[6]["email"]);

        var created = results[0]["invitation"]!.AsObject();
        Assert.Equal(fresh, (string?)created["email"]);
        Assert.Equal("Fresh", (string?)created["first_name"]);
        Assert.Equal("queued", (string?)created["email_status"]);
        Assert.False(created.ContainsKey("accept_url"));
        Assert.False(results[0].ContainsKey("error"));
        AssertSameInvitation(await api.GetInvitationAsync(workspace, created["id"]!.GetValue<Guid>()), created);

        AssertProblem(results[1], 400, "validation", field: "email");
        AssertProblem(results[2], 400, "validation", field: "role");
        AssertProblem(results[3], 400, "team-not-found");
        AssertProblem(results[4], 409, "already-member");
        Assert.Equal(pendingId, AssertProblem(results[5], 409, "duplicate-pending")["existing_invitation_id"]!.GetValue<Guid>());
        Assert.Contains("row 0", (string?)AssertProblem(results[6], 409, "duplicate-in-request")["detail"]);
        AssertProblem(results[8], 400, "validation", field: "role");
        Assert.All(results.Where(r => (string?)r["status"] != "created"), r => Assert.False(r.ContainsKey("invitation")));

        var selfDelivered = results[7]["invitation"]!.AsObject();
        Assert.StartsWith("https://app.invitations.test/invitations/accept#token=", (string?)selfDelivered["accept_url"]);
        Assert.Equal(TimeSpan.FromDays(3), selfDelivered["expires_at"]!.GetValue<DateTimeOffset>() - selfDelivered["created_at"]!.GetValue<DateTimeOffset>());
        var token = Scenario.TokenOf((string)selfDelivered["accept_url"]!);
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var mail = await api.Smtp.WaitForMailAsync(fresh);
        Assert.Single(mail);
    }

    [Fact]
    public async Task Defaults_ApplyToRowsThatDoNotSay_AndARowsOwnValueWins()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Sales" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var body = await BulkJsonAsync(workspace, new
        {
            invitations = new object[]
            {
                new { email = "defaulted@example.com" },
                new { email = "own@example.com", role = "admin", team = "Default team", expires_in_days = 2, send_email = true },
            },
            defaults = new { role = "viewer", team = "sales", expires_in_days = 14, send_email = false },
        });

        var defaulted = body["results"]![0]!["invitation"]!.AsObject();
        var own = body["results"]![1]!["invitation"]!.AsObject();
        Assert.Equal(("viewer", "Sales", 14), ((string?)defaulted["role"], (string?)defaulted["team"], Days(defaulted)));
        Assert.True(defaulted.ContainsKey("accept_url"));
        Assert.Equal(("admin", "Default team", 2), ((string?)own["role"], (string?)own["team"], Days(own)));
        Assert.False(own.ContainsKey("accept_url"));
    }

    [Fact]
    public async Task Csv_WithBomCrlfAndQuotes_ReadsEveryRowWithItsLine_AndQueryDefaults()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var csv = "\uFEFFEmail,first_name,LAST_NAME,role\r\n"
            + "plain@example.com,Plain,Row,editor\r\n"
            + "\"quoted@example.com\",\"O'Brien, Jr.\",\"Say \"\"hi\"\"\",\r\n"
            + "\r\n"
            + "multi@example.com,\"Two\r\nLines\",Name,viewer\r\n"
            + "broken,,,\r\n"
            + "after@example.com,,,admin";

        var body = await BulkCsvAsync(workspace, csv, "?role=viewer&send_email=false");

        var results = body["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([2, 3, 5, 7, 8], results.Select(r => (int)r["line"]!));
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => (int)r["index"]!));
        Assert.Equal(["created", "created", "invalid", "invalid", "created"], results.Select(r => (string?)r["status"]));
        var quoted = results[1]["invitation"]!.AsObject();
        Assert.Equal(("quoted@example.com", "O'Brien, Jr.", "Say \"hi\"", "viewer"),
            ((string?)quoted["email"], (string?)quoted["first_name"], (string?)quoted["last_name"], (string?)quoted["role"]));
        Assert.NotNull(results[2]["error"]!["errors"]!["first_name"]); // a name can't hold a line break, though CSV can
        Assert.Equal("editor", (string?)results[0]["invitation"]!["role"]);
        Assert.Equal("admin", (string?)results[4]["invitation"]!["role"]);
        Assert.True(results[0]["invitation"]!.AsObject().ContainsKey("accept_url"));
        Assert.Equal("broken", (string?)results[3]["email"]);
    }

    [Fact]
    public async Task Csv_LfOnly_AndARowWithTooManyFields_FailsOnlyThatRow()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var body = await BulkCsvAsync(workspace, "email,role\nlf@example.com,viewer\nextra@example.com,viewer,surplus\n");

        var results = body["results"]!.AsArray();
        Assert.Equal("created", (string?)results[0]!["status"]);
        Assert.Equal("invalid", (string?)results[1]!["status"]);
        Assert.Equal(3, (int)results[1]!["line"]!);
        Assert.NotNull(results[1]!["error"]!["errors"]!["row"]);
    }

    [Theory]
    [InlineData("email,phone\na@example.com,1\n", "phone")]
    [InlineData("first_name,role\nAda,viewer\n", "email")]
    [InlineData("email,email\na@example.com,b@example.com\n", "twice")]
    [InlineData("email,role\n\"a@example.com,viewer\n", "not closed")]
    [InlineData("email,role\n\"a\"b@example.com,viewer\n", "closing quote")]
    [InlineData("email,role\n", "1 to 1000")]
    [InlineData("", "empty")]
    public async Task Csv_Unreadable_Is400NamingTheProblem_AndWritesNothing(string csv, string says)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await PostCsvAsync(workspace, csv);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(says, (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Csv_NotUtf8_Is400()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("email,role\n"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("@example.com,viewer\n")]);
        content.Headers.ContentType = new("text/csv");

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsync(Bulk(workspace), content);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "malformed");
    }

    [Fact]
    public async Task AThousandRows_AreCreatedInOneRequest_AndEachIsEmailedThroughTheOutbox()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var emails = Enumerable.Range(0, 1000).Select(i => $"row{i:D4}-{Guid.NewGuid():N}@example.com").ToList();
        var csv = "email,role\n" + string.Concat(emails.Select(e => $"{e},viewer\n"));

        var body = await BulkCsvAsync(workspace, csv);

        Assert.Equal(1000, (int)body["summary"]!["created"]!);
        Assert.Equal(0, (int)body["summary"]!["failed"]!);
        Assert.Equal(emails, body["results"]!.AsArray().Select(r => (string?)r!["invitation"]!["email"]));
        await api.Smtp.WaitForMessagesAsync(1000, TimeSpan.FromSeconds(60), m => emails.Any(m.IsTo));
        Assert.Equal(1000, await api.DbAsync(db => db.InvitationDeliveries.CountAsync(d => d.SentAt != null
            && db.Invitations.Any(i => i.Id == d.InvitationId && i.WorkspaceId == new Domain.Workspaces.WorkspaceId(workspace.Id)))));
    }

    [Fact]
    public async Task MoreThanAThousandRows_OrNone_Is400_AndABodyOverOneMebibyteIs413()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();
        var tooMany = new { invitations = Enumerable.Range(0, 1001).Select(i => new { email = $"r{i}@example.com", role = "viewer" }) };

        var many = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(Bulk(workspace), tooMany);
        var none = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(Bulk(workspace), new { invitations = Array.Empty<object>() });
        var missing = await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(Bulk(workspace), new { });
        var huge = await PostCsvAsync(workspace, "email,first_name\n" + new string('x', 1024 * 1024));

        Assert.Contains("invitations", (await ErrorAssert.ProblemAsync(many, HttpStatusCode.BadRequest, "validation"))["errors"]!.AsObject().Select(e => e.Key));
        await ErrorAssert.ProblemAsync(none, HttpStatusCode.BadRequest, "validation");
        await ErrorAssert.ProblemAsync(missing, HttpStatusCode.BadRequest, "validation");
        await ErrorAssert.ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task AnotherContentType_Is415_AndBadDefaultsAre400()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var client = api.ClientWithKey(workspace.ApiKey);

        var xml = await client.PostRawAsync(Bulk(workspace), "<invitations/>", "application/xml");
        var badRole = await client.PostAsJsonAsync(Bulk(workspace), new { invitations = new[] { new { email = "a@example.com" } }, defaults = new { role = "owner" } });
        var badDays = await PostCsvAsync(workspace, "email\na@example.com\n", "?expires_in_days=soon");
        var badSend = await PostCsvAsync(workspace, "email\na@example.com\n", "?role=viewer&send_email=maybe");

        await ErrorAssert.ProblemAsync(xml, HttpStatusCode.UnsupportedMediaType);
        await ErrorAssert.ProblemAsync(badRole, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("expires_in_days", (string?)(await ErrorAssert.ProblemAsync(badDays, HttpStatusCode.BadRequest))["detail"]);
        Assert.Contains("send_email", (string?)(await ErrorAssert.ProblemAsync(badSend, HttpStatusCode.BadRequest))["detail"]);
    }

    [Fact]
    public async Task OverWhatIsLeftOfTheDailyLimit_TheWholeRequestIs429_AndNothingIsWritten()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var filled = await BulkCsvAsync(workspace, "email,role\n" + string.Concat(Enumerable.Range(0, 990).Select(i => $"fill{i}@example.com,viewer\n")), "?send_email=false");
        Assert.Equal(990, (int)filled["summary"]!["created"]!);
        var before = await api.RowCountsAsync();

        var eleven = await PostCsvAsync(workspace, "email,role\n" + string.Concat(Enumerable.Range(0, 11).Select(i => $"more{i}@example.com,viewer\n")));

        var problem = await ErrorAssert.ProblemAsync(eleven, HttpStatusCode.TooManyRequests, "daily-limit");
        ErrorAssert.HasRetryAfter(eleven);
        Assert.Contains("10 more", (string?)problem["detail"]);
        Assert.Equal(before, await api.RowCountsAsync());

        // Invalid rows and rows refused by the rules don't count: ten creates fit.
        var fits = await BulkCsvAsync(
            workspace,
            "email,role\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"more{i}@example.com,viewer\n")) + "fill1@example.com,viewer\nbad,viewer\n",
            "?send_email=false");
        Assert.Equal((10, 2), ((int)fits["summary"]!["created"]!, (int)fits["summary"]!["failed"]!));
    }

    [Fact]
    public async Task MoreRowsThanTheWholeLimit_Is429()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await BulkCsvAsync(workspace, "email,role\nfirst@example.com,viewer\n", "?send_email=false");

        var response = await PostCsvAsync(workspace, "email,role\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"all{i}@example.com,viewer\n")));

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests, "daily-limit");
        ErrorAssert.HasRetryAfter(response);
    }

    [Fact]
    public async Task ATeammateKey_Is403_AndAnotherWorkspacesKey_Is403_WritingNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var other = await api.CreateWorkspaceAsync();
        var teammateKey = await api.MemberKeyAsync(workspace, "teammate");
        var before = await api.RowCountsAsync();
        var body = new { invitations = new[] { new { email = "a@example.com", role = "viewer" } } };

        var teammate = await api.ClientWithKey(teammateKey).PostAsJsonAsync(Bulk(workspace), body);
        var foreign = await api.ClientWithKey(other.ApiKey).PostAsJsonAsync(Bulk(workspace), body);

        await ErrorAssert.ProblemAsync(teammate, HttpStatusCode.Forbidden);
        await ErrorAssert.ProblemAsync(foreign, HttpStatusCode.Forbidden);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task WithAnIdempotencyKey_TheSameBulkIsReplayed_AndCreatesNothingMore()
    {
        var workspace = await api.CreateWorkspaceAsync();
        const string csv = "email,role\nkeyed1@example.com,viewer\nkeyed2@example.com,viewer\nbad,viewer\n";

        var first = await PostCsvAsync(workspace, csv, "?send_email=false", "bulk-key");
        var rows = await api.RowCountsAsync();
        var second = await PostCsvAsync(workspace, csv, "?send_email=false", "bulk-key");
        var otherDefaults = await PostCsvAsync(workspace, csv, "?send_email=true", "bulk-key");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        await ErrorAssert.ProblemAsync(otherDefaults, HttpStatusCode.UnprocessableEntity, "idempotency-key-mismatch");
        Assert.Equal(rows, await api.RowCountsAsync());
        Assert.Equal(2, await api.DbAsync(db => db.Invitations.CountAsync(i => i.WorkspaceId == new Domain.Workspaces.WorkspaceId(workspace.Id))));
    }

    private static string Bulk(TestWorkspace workspace) => $"/v1/workspaces/{workspace.Id}/invitations/bulk";

    private static int Days(JsonObject invitation) =>
        (int)(invitation["expires_at"]!.GetValue<DateTimeOffset>() - invitation["created_at"]!.GetValue<DateTimeOffset>()).TotalDays;

    private static JsonObject AssertProblem(JsonObject row, int status, string kind, string? field = null)
    {
        var error = row["error"]!.AsObject();
        Assert.Equal(ErrorAssert.ProblemPrefix + kind, (string?)error["type"]);
        Assert.Equal(status, (int)error["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["detail"]));
        if (field is not null)
        {
            Assert.NotEmpty(error["errors"]![field]!.AsArray());
        }

        return error;
    }

    /// <summary>The same invitation, but for where its email stands (the dispatcher may have sent it since).</summary>
    private static void AssertSameInvitation(JsonObject expected, JsonObject actual)
    {
        static string Stable(JsonObject invitation)
        {
            var copy = invitation.DeepClone().AsObject();
            foreach (var moving in new[] { "accept_url", "email_status", "email_sent_at", "last_email_error" })
            {
                copy.Remove(moving);
            }

            return copy.ToJsonString();
        }

        Assert.Equal(Stable(expected), Stable(actual));
    }

    private async Task<JsonObject> BulkJsonAsync(TestWorkspace workspace, object body) =>
        await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(Bulk(workspace), body)).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<JsonObject> BulkCsvAsync(TestWorkspace workspace, string csv, string query = "") =>
        await (await PostCsvAsync(workspace, csv, query)).ReadJsonAsync(HttpStatusCode.OK);

    private Task<HttpResponseMessage> PostCsvAsync(TestWorkspace workspace, string csv, string query = "", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Bulk(workspace) + query)
        {
            Content = new StringContent(csv, new UTF8Encoding(false), "text/csv"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return api.ClientWithKey(workspace.ApiKey).SendAsync(request);
    }
}
