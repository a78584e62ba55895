using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.AcceptPage;

[Collection(BrowserCollection.Name)]
public sealed partial class AcceptJourneyTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task EmailLink_OpenedNamedAndAccepted_ShowsInvitationThenWelcomeAndMakesMember()
    {
        var workspace = await api.CreateWorkspaceAsync("Northwind Trading");
        var invitation = await (await api.InviteAsync(workspace, "ada@example.com", "team_supervisor"))
            .ReadJsonAsync(HttpStatusCode.Created);
        var link = await EmailedLinkAsync("ada@example.com");
        Assert.StartsWith($"{api.BaseUrl}invitations/accept#token=", link);

        await using var page = await AcceptPage.NewAsync(chromium);
        await page.GotoAsync(link);

        await page.ExpectStateAsync("valid");
        await page.ExpectHeadingAsync("Join Northwind Trading");
        await Expect(page.Page.GetByText(workspace.OwnerEmail).First).ToBeVisibleAsync();
        await Expect(page.Page.Locator("dd[data-f=role]")).ToHaveTextAsync("Team supervisor");
        Assert.Equal($"{api.BaseUrl}invitations/accept", page.Page.Url);
        Assert.Equal("", await page.Page.EvaluateAsync<string>("() => location.hash"));
        await Screenshots.CaptureAsync(page.Page, "valid");

        await page.Page.FillAsync("#first-name", "Ada");
        await page.Page.FillAsync("#last-name", "Lovelace");
        await page.AcceptButton.ClickAsync();

        await page.ExpectStateAsync("accepted");
        await page.ExpectHeadingAsync("Welcome to Northwind Trading");
        await Screenshots.CaptureAsync(page.Page, "accepted");
        var member = (await MembersAsync(workspace)).Single(m => m!["email"]!.GetValue<string>() == "ada@example.com")!;
        Assert.Equal(invitation["user_id"]!.GetValue<long>(), member["user_id"]!.GetValue<long>());
        Assert.Equal("Ada", member["first_name"]!.GetValue<string>());
        Assert.Equal("Lovelace", member["last_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Link_OpenedLikeAMailScanner_LeavesInvitationPending()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "scanned@example.com");
        var membersBefore = (await MembersAsync(workspace)).ToJsonString();

        await using (var page = await AcceptPage.NewAsync(chromium))
        {
            await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());
            await page.ExpectStateAsync("valid");
        }

        var after = await (await api.ClientWithKey(workspace.ApiKey)
                .GetAsync($"/v1/workspaces/{workspace.Id}/invitations/{invitation["id"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", after["status"]!.GetValue<string>());
        Assert.Equal(membersBefore, (await MembersAsync(workspace)).ToJsonString());
    }

    [Fact]
    public async Task Link_WhenServerUnreachable_ShowsConnectionError()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "offline@example.com");
        await using var page = await AcceptPage.NewAsync(chromium);
        await page.Page.RouteAsync("**/v1/invitations/lookup", route => route.AbortAsync("internetdisconnected"));

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());

        await page.ExpectStateAsync("error");
        await page.ExpectHeadingAsync("We couldn't reach the server");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
        await page.ExpectNoAcceptButtonAsync();
        await Screenshots.CaptureAsync(page.Page, "error");
    }

    private async Task<string> EmailedLinkAsync(string recipient)
    {
        var messages = await api.Smtp.WaitForMessagesAsync(
            1, TimeSpan.FromSeconds(60), m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase));
        var text = Assert.Single(messages).Message.TextBody ?? "";
        return AcceptLink().Match(text) is { Success: true } match
            ? match.Value
            : throw new Xunit.Sdk.XunitException($"No accept link in the email's text part:\n{text}");
    }

    private async Task<JsonArray> MembersAsync(TestWorkspace workspace)
    {
        var body = await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/members"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return body["items"]!.AsArray();
    }

    [GeneratedRegex(@"https?://\S+/invitations/accept#token=[A-Za-z0-9_-]+")]
    private static partial Regex AcceptLink();
}
