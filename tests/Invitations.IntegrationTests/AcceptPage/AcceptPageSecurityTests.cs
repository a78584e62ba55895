namespace Invitations.IntegrationTests.AcceptPage;

[Collection(BrowserCollection.Name)]
public sealed class AcceptPageSecurityTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task Page_AsServed_CarriesLockdownHeaders()
    {
        await using var page = await AcceptPage.NewAsync(chromium);

        var response = await page.GotoAsync($"{api.BaseUrl}invitations/accept");

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("default-src 'none'", headers["content-security-policy"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
    }

    [Fact]
    public async Task Journey_FromLinkToWelcome_RaisesNoCspViolationOrConsoleError()
    {
        var workspace = await api.CreateWorkspaceAsync("Contoso");
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, "clean@example.com");
        await using var page = await AcceptPage.NewAsync(chromium);

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());
        await page.ExpectStateAsync("valid");
        await page.Page.FillAsync("#first-name", "Cleo");
        await page.AcceptButton.ClickAsync();
        await page.ExpectStateAsync("accepted");

        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(page.UnexpectedConsoleErrors());
    }
}
