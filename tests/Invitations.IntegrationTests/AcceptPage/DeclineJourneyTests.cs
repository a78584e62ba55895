using System.Net;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>Declining from the page: only the confirmation's button declines; opening the link, or changing one's mind, changes nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeclineJourneyTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task Decline_WithReasonAndDontInviteMeAgain_ShowsTheDeclinedPage_AndTheWorkspaceSeesBoth()
    {
        var workspace = await api.CreateWorkspaceAsync("Initech");
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "peter@example.com");
        await using var page = await AcceptPage.NewAsync(chromium);
        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());
        await page.ExpectStateAsync("valid");

        await page.Button("Decline").ClickAsync();

        await page.ExpectStateAsync("confirm-decline");
        await page.ExpectHeadingAsync("Decline this invitation?");
        await page.Page.FillAsync("#decline-reason", "I took a job elsewhere");
        await page.Page.GetByLabel("Don't invite me to Initech again").CheckAsync();
        await Screenshots.CaptureAsync(page.Page, "confirm-decline");
        await page.Button("Decline invitation").ClickAsync();

        await page.ExpectStateAsync("declined");
        await page.ExpectHeadingAsync("Invitation declined");
        await Expect(page.Page.GetByText("Initech can't invite you again unless you ask them to.")).ToBeVisibleAsync();
        await Screenshots.CaptureAsync(page.Page, "declined");
        var declined = await api.GetInvitationAsync(workspace, invitation["id"]!.GetValue<Guid>());
        Assert.Equal("declined", (string?)declined["status"]);
        Assert.Equal("I took a job elsewhere", (string?)declined["decline_reason"]);
        Assert.Equal("peter@example.com", (string?)Assert.Single(await api.OptOutListAsync(workspace))!["email"]);
        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(page.UnexpectedConsoleErrors());
    }

    [Fact]
    public async Task OpeningTheLink_AndGoingBackFromTheConfirmation_ChangesNothing()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "undecided@example.com");
        var link = invitation["accept_url"]!.GetValue<string>();
        var id = invitation["id"]!.GetValue<Guid>();

        using (var scanner = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync(link)).StatusCode);
        }

        await using (var page = await AcceptPage.NewAsync(chromium))
        {
            await page.GotoAsync(link);
            await page.ExpectStateAsync("valid");
            await page.Button("Decline").ClickAsync();
            await page.ExpectStateAsync("confirm-decline");
            await page.Page.GetByLabel("Don't invite me to Acme again").CheckAsync();
            await page.Button("Go back").ClickAsync();
            await page.ExpectStateAsync("valid");
        }

        var after = await api.GetInvitationAsync(workspace, id);
        Assert.Equal("pending", (string?)after["status"]);
        Assert.Null(after["declined_at"]);
        Assert.Empty(await api.OptOutListAsync(workspace));
    }

    [Fact]
    public async Task Link_AlreadyDeclined_ShowsTheDeclinedPageWithNothingToPress()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "said-no@example.com", extra: new { locale = "es" });
        await (await api.DeclineAsync(token)).ReadJsonAsync(HttpStatusCode.OK);
        await using var page = await AcceptPage.NewAsync(chromium);

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());

        await page.ExpectStateAsync("declined");
        await page.ExpectHeadingAsync("Invitación rechazada");
        await page.ExpectNoAcceptButtonAsync();
        await Expect(page.Page.Locator("#decline")).ToBeHiddenAsync();
        await Expect(page.Page.Locator("#declined-blocked")).ToBeHiddenAsync();
    }
}
