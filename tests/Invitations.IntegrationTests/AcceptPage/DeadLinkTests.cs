using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Invitations.IntegrationTests.AcceptPage;

[Collection(BrowserCollection.Name)]
public sealed class DeadLinkTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task Link_WhenRevoked_ShowsWithdrawnPageWithoutAcceptButton()
    {
        var (_, link) = await RevokedLinkAsync("revoked@example.com");

        await ExpectDeadLinkAsync(link, "revoked", "This invitation was withdrawn");
    }

    [Fact]
    public async Task Link_WhenAlreadyAccepted_ShowsUsedPageWithoutAcceptButton()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "used@example.com");
        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        await ExpectDeadLinkAsync(invitation["accept_url"]!.GetValue<string>(), "used", "This invitation has already been used");
    }

    [Fact]
    public async Task Link_WithUnknownToken_ShowsNotValidPageWithoutAcceptButton()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        await ExpectDeadLinkAsync($"{api.BaseUrl}invitations/accept#token={token}", "unknown", "This invitation link is not valid");
    }

    [Fact]
    public async Task RevokedPage_OnPhoneWithLongInviterAddress_KeepsEmailButtonLabelOnOneLine()
    {
        var (workspace, link) = await RevokedLinkAsync("phone@example.com");
        await using var page = await AcceptPage.NewAsync(chromium);
        await page.Page.SetViewportSizeAsync(375, 812);

        await page.GotoAsync(link);

        await page.ExpectStateAsync("revoked");
        var button = page.Page.GetByRole(AriaRole.Link, new() { Name = $"Email {workspace.OwnerEmail}" });
        Assert.Equal(1, await AcceptPage.LinesOfLeadingTextAsync(button));
    }

    private async Task<(TestWorkspace Workspace, string Link)> RevokedLinkAsync(string email)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, email);
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync(
            $"/v1/workspaces/{workspace.Id}/invitations/{invitation["id"]}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        return (workspace, invitation["accept_url"]!.GetValue<string>());
    }

    private async Task ExpectDeadLinkAsync(string link, string state, string heading)
    {
        await using var page = await AcceptPage.NewAsync(chromium);
        await page.GotoAsync(link);

        await page.ExpectStateAsync(state);
        await page.ExpectHeadingAsync(heading);
        await page.ExpectNoAcceptButtonAsync();
        await Screenshots.CaptureAsync(page.Page, state);
    }
}
