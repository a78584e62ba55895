using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Invitations.IntegrationTests.BadInput;

/// <summary>
/// A number is a JSON number (contracts §3.5: types are checked alike for every field): "5" where a number belongs is refused
/// with a 400 that names the field and writes nothing, as 5 where a text belongs is. (The list's integer <c>limit</c>:
/// <see cref="Listing.NativeInvitationListTests"/>.)
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class NumbersAsStringsTests(ServiceHost api)
{
    [Fact]
    public async Task Create_ExpiresInDaysAsAString_Is400NamingTheField_AndNothingIsWritten()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var before = await api.RowCountsAsync();

        var response = await api.InviteAsync(workspace, Mailbox.NewAddress("string-days"), extra: new { expires_in_days = "5" });

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "malformed");
        Assert.Contains("expires_in_days", (string?)problem["detail"]);
        Assert.NotNull(problem["errors"]!["expires_in_days"]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task Create_ExpiresInDaysAsANumber_IsTaken()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.InviteAsync(workspace, Mailbox.NewAddress("number-days"), extra: new { expires_in_days = 5 });

        var invitation = await response.ReadJsonAsync(HttpStatusCode.Created);
        var lifetime = invitation["expires_at"]!.GetValue<DateTimeOffset>() - invitation["created_at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(5), lifetime);
    }

    [Fact]
    public async Task Bulk_ARowsNumberAsAString_Is400NamingTheRowsField_AndNothingIsWritten()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var body = new JsonObject
        {
            ["invitations"] = new JsonArray(
                new JsonObject { ["email"] = Mailbox.NewAddress("bulk-ok"), ["role"] = "viewer" },
                new JsonObject { ["email"] = Mailbox.NewAddress("bulk-string"), ["role"] = "viewer", ["expires_in_days"] = "7" }),
        };
        var before = await api.RowCountsAsync();

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsync(
            $"{ApiClients.Native(workspace)}/bulk", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "malformed");
        Assert.NotNull(problem["errors"]!["invitations[1].expires_in_days"]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Fact]
    public async Task CreateApiKey_UserIdAsAString_Is400NamingTheField()
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.OperatorClient().PostAsJsonAsync(
            $"/v1/admin/workspaces/{workspace.Id}/api-keys", new { user_id = workspace.OwnerUserId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "malformed");
        Assert.NotNull(problem["errors"]!["user_id"]);
    }
}
