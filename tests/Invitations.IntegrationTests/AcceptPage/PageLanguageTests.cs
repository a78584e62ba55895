using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>
/// The page in the invitee's language (contract §11): the invitation's own, else the browser's, else the workspace's default,
/// else English; <c>&lt;html lang&gt;</c> names the one used.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLanguageTests(BrowserHost api, ChromiumFixture chromium)
{
    /// <summary>The invitation's language, and its Accept and Decline buttons as an invitee reads them.</summary>
    public static TheoryData<string, string, string> Shipped => new()
    {
        { "en", "Accept invitation", "Decline" },
        { "de", "Einladung annehmen", "Ablehnen" },
        { "fr", "Accepter l’invitation", "Refuser" },
        { "es", "Aceptar invitación", "Rechazar" },
        { "pt-BR", "Aceitar convite", "Recusar" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task Page_ForAnInvitationInEachShippedLanguage_IsShownInIt_WhateverTheBrowserSpeaks(string locale, string accept, string decline)
    {
        var workspace = await api.CreateWorkspaceAsync("Nordlicht");
        var (invitation, _) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress(locale), "editor", new { locale });
        await using var page = await AcceptPage.NewAsync(chromium, locale == "en" ? "de-DE" : "en-US");

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());

        await page.ExpectStateAsync("valid");
        await Expect(page.Button(accept)).ToBeVisibleAsync();
        await Expect(page.Button(decline)).ToBeVisibleAsync();
        Assert.Equal(locale, await page.LanguageAsync());
        await Screenshots.CaptureAsync(page.Page, $"valid-{locale}");
        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(page.UnexpectedConsoleErrors());
    }

    [Theory]
    [InlineData("de-AT", null, "en-US", "de", "Einladung annehmen")]
    [InlineData(null, null, "de-DE", "de", "Einladung annehmen")]
    [InlineData(null, "fr", "ja-JP", "fr", "Accepter l’invitation")]
    [InlineData(null, null, "ja-JP", "en", "Accept invitation")]
    [InlineData("it", "es", "de-DE", "es", "Aceptar invitación")]
    public async Task Page_FallsBack_FromTheTag_OrTheBrowser_ToTheWorkspaceDefault_ThenEnglish(
        string? locale, string? workspaceDefault, string browser, string language, string accept)
    {
        var workspace = await api.CreateWorkspaceAsync();
        if (workspaceDefault is not null)
        {
            await (await api.SetDefaultLocaleAsync(workspace, workspaceDefault)).ReadJsonAsync(HttpStatusCode.OK);
        }

        var (invitation, _) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("fallback"), extra: locale is null ? null : new { locale });
        await using var page = await AcceptPage.NewAsync(chromium, browser);

        await page.GotoAsync(invitation["accept_url"]!.GetValue<string>());

        await page.ExpectStateAsync("valid");
        await Expect(page.Button(accept)).ToBeVisibleAsync();
        Assert.Equal(language, await page.LanguageAsync());
    }

    [Fact]
    public async Task UnknownLink_IsExplainedInTheBrowsersLanguage()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var page = await AcceptPage.NewAsync(chromium, "fr-FR");

        await page.GotoAsync($"{api.BaseUrl}invitations/accept#token={token}");

        await page.ExpectStateAsync("unknown");
        await page.ExpectHeadingAsync("Ce lien d’invitation n’est pas valide");
        Assert.Equal("fr", await page.LanguageAsync());
        await Screenshots.CaptureAsync(page.Page, "unknown-fr");
    }
}
