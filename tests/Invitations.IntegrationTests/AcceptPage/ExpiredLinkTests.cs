namespace Invitations.IntegrationTests.AcceptPage;

[Collection(BrowserCollection.Name)]
public sealed class ExpiredLinkTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task Link_EightDaysLater_ShowsExpiredPageWithoutAcceptButton()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "late@example.com");
        api.Clock!.Advance(TimeSpan.FromDays(8));
        await using var page = await AcceptPage.NewAsync(chromium);

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());

        await page.ExpectStateAsync("expired");
        await page.ExpectHeadingAsync("This invitation has expired");
        await page.ExpectNoAcceptButtonAsync();
        await Screenshots.CaptureAsync(page.Page, "expired");
    }
}
