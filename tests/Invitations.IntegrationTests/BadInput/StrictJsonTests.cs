using System.Net;

namespace Invitations.IntegrationTests.BadInput;

/// <summary>
/// Native and invitee routes refuse what they don't understand (contracts §3.5): an unknown field is a 400 naming it (a
/// camelCase spelling of a known field is pointed at the snake_case one), a value of the wrong type names its field on every
/// route alike, and text that is not JSON is answered with its line and position. Nothing is written.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class StrictJsonTests(ServiceHost api)
{
    private const string Row = """{"email":"a@example.com","role":"viewer"}""";

    /// <summary>Route, body, the field as sent, and the known field it was meant to be (null when none).</summary>
    public static TheoryData<string, string, string, string?> UnknownFields() => new()
    {
        { "create", """{"email":"a@example.com","role":"viewer","sendEmail":false}""", "sendEmail", "send_email" },
        { "create", """{"email":"a@example.com","role":"viewer","expiresInDays":3}""", "expiresInDays", "expires_in_days" },
        { "create", """{"email":"a@example.com","role":"viewer","colour":"red"}""", "colour", null },
        { "bulk", $$$"""{"invitations":[{{{Row}}},{"email":"b@example.com","firstName":"B"}]}""", "invitations[1].firstName", "invitations[1].first_name" },
        { "bulk", $$$"""{"invitations":[{{{Row}}}],"defaults":{"sendEmail":false}}""", "defaults.sendEmail", "defaults.send_email" },
        { "bulk", $$$"""{"invitations":[{{{Row}}}],"default":{"role":"viewer"}}""", "default", null },
        { "webhook-create", """{"url":"https://example.com/hooks","event":["*"]}""", "event", null },
        { "webhook-patch", """{"enabled":false,"url2":"https://example.com/"}""", "url2", null },
        { "lookup", """{"token":"abc","email":"a@example.com"}""", "email", null },
        { "accept", """{"token":"abc","firstName":"Ann"}""", "firstName", "first_name" },
        { "join-link-create", """{"role":"viewer","allowedDomains":["example.com"]}""", "allowedDomains", "allowed_domains" },
        { "join-link-create", """{"role":"viewer","uses":3}""", "uses", null },
        { "join-lookup", """{"token":"abc","email":"a@example.com"}""", "email", null },
        { "join", """{"token":"abc","email":"a@example.com","lastName":"A"}""", "lastName", "last_name" },
        { "admin-workspaces", """{"name":"X","owner":{"email":"o@example.com","lastName":"O"}}""", "owner.lastName", "owner.last_name" },
        { "admin-members", """{"email":"a@example.com","role":"viewer","teamTitle":"Sales"}""", "teamTitle", null },
        { "admin-api-keys", """{"userId":1001}""", "userId", "user_id" },
        { "admin-teams", """{"title":"Sales","name":"Sales"}""", "name", null },
        { "admin-branding", """{"whiteLabel":true}""", "whiteLabel", "white_label" },
    };

    /// <summary>Route, body, and the field whose value has the wrong type.</summary>
    public static TheoryData<string, string, string> WrongTypes() => new()
    {
        { "create", """{"email":"a@example.com","role":5}""", "role" },
        { "create", """{"email":"a@example.com","role":"viewer","send_email":"false"}""", "send_email" },
        { "bulk", $$$"""{"invitations":[{{{Row}}},{"email":"b@example.com","role":["viewer"]}]}""", "invitations[1].role" },
        { "bulk", $$$"""{"invitations":[{{{Row}}}],"defaults":{"send_email":"no"}}""", "defaults.send_email" },
        { "webhook-create", """{"url":"https://example.com/hooks","events":"*"}""", "events" },
        { "webhook-patch", """{"enabled":"false"}""", "enabled" },
        { "lookup", """{"token":5}""", "token" },
        { "accept", """{"token":"abc","first_name":["Ann"]}""", "first_name" },
        { "join-link-create", """{"role":"viewer","expires_in_days":"7"}""", "expires_in_days" },
        { "join-lookup", """{"token":["abc"]}""", "token" },
        { "join", """{"token":"abc","email":"a@example.com","locale":5}""", "locale" },
        { "admin-workspaces", """{"name":"X","owner":"o@example.com"}""", "owner" },
        { "admin-members", """{"email":"a@example.com","role":"viewer","team":5}""", "team" },
        { "admin-api-keys", """{"user_id":true}""", "user_id" },
        { "admin-teams", """{"title":5}""", "title" },
        { "admin-branding", """{"white_label":"yes"}""", "white_label" },
    };

    [Theory]
    [MemberData(nameof(UnknownFields))]
    public async Task AnUnknownField_Is400NamingIt_AndTheKnownFieldItResembles(string route, string body, string field, string? meant)
    {
        var problem = await RefusedAsync(route, body, "unknown-field");

        var detail = (string)problem["detail"]!;
        Assert.Contains($"'{field}'", detail);
        Assert.NotNull(problem["errors"]![field]);
        if (meant is null)
        {
            Assert.DoesNotContain("did you mean", detail);
        }
        else
        {
            Assert.Contains($"did you mean '{meant}'?", detail);
        }
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task AValueOfTheWrongType_Is400NamingItsField(string route, string body, string field)
    {
        var problem = await RefusedAsync(route, body, "malformed");

        Assert.Contains($"'{field}'", (string)problem["detail"]!);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("create", "{\n  \"email\": \"a@example.com\",\n  \"role\": viewer\n}", 3)]
    [InlineData("bulk", "{\"invitations\": [\n  {\"email\": \"a@example.com\"},\n  {\"email\": \"b@example.com\" \"role\": \"viewer\"}\n]}", 3)]
    [InlineData("accept", "{\"token\": \"abc\",\n\n \"first_name\": \"Ann\",}", 3)]
    [InlineData("join", "{\"token\": \"abc\",\n \"email\": a@example.com}", 2)]
    [InlineData("admin-workspaces", "{\"name\": \"X\", \"owner\": {\"email\": \"o@example.com\"}", 1)]
    public async Task TextThatIsNotJson_Is400SayingWhere(string route, string body, int line)
    {
        var problem = await RefusedAsync(route, body, "malformed");

        var position = (int)problem["position"]!;
        Assert.Equal(line, (int)problem["line"]!);
        Assert.InRange(position, 1, body.Split('\n')[line - 1].Length + 1);
        Assert.Contains($"line {line}, position {position}", (string)problem["detail"]!);
    }

    [Fact]
    public async Task TheCompatibilityRoutes_IgnoreFieldsTheirVendorsIgnore()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var teammate = await api.BearerClient(workspace.ApiKey).PostRawAsync(
            ApiClients.InviteTeammate, """{"email":"t@example.com","phone":"+1 555","sendEmail":false}""");
        var invite = await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString()).PostRawAsync(
            ApiClients.WorkspaceInvite(workspace.Id), """{"email":"w@example.com","role":"viewer","message":"Welcome"}""");

        Assert.Equal("ok", (string?)(await teammate.ReadJsonAsync(HttpStatusCode.OK))["status"]);
        Assert.True((bool)(await invite.ReadJsonAsync(HttpStatusCode.OK))["success"]!);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> RefusedAsync(string route, string body, string kind)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (client, method, path) = StrictJsonRoutes.Target(api, workspace, route);
        var before = await api.RowCountsAsync();

        var response = await client.SendRawAsync(method, path, body, BadInputCorpus.Json);

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, kind);
        Assert.Equal(before, await api.RowCountsAsync());
        return problem;
    }
}
