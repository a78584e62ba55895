using Invitations.IntegrationTests.AcceptPage;
using Page = Invitations.IntegrationTests.AcceptPage.AcceptPage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// The join page in Chromium (contract §13): the link's URL opens it, it shows the workspace and the role, takes an address and
/// confirms; closed links get a page of their own; the token never leaves the fragment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JoinPageTests(BrowserHost api, ChromiumFixture chromium)
{
    [Theory]
    [InlineData("en-US", "en", "Join Lighthouse", "Editor", "Send me an invitation", "Check your inbox")]
    [InlineData("de-DE", "de", "Lighthouse beitreten", "Bearbeiter", "Einladung senden", "Sehen Sie in Ihr Postfach")]
    public async Task TheLink_ShowsWorkspaceAndRole_TakesAnAddress_AndTheInvitationArrivesInThePagesLanguage(
        string browser, string language, string heading, string role, string button, string confirmation)
    {
        var workspace = await api.CreateWorkspaceAsync("Lighthouse");
        var (link, _) = await api.CreateJoinLinkAsync(workspace, new { role = "editor" });
        var url = link["url"]!.GetValue<string>();
        var email = Mailbox.NewAddress($"page-{language}");
        await using var page = await Page.NewAsync(chromium, browser);
        var requested = new List<string>();
        page.Page.Request += (_, request) => requested.Add(request.Url);

        await page.GotoAsync(url);
        await page.ExpectStateAsync("open");
        await page.ExpectHeadingAsync(heading);
        await Expect(page.Page.Locator("dd[data-f=role]")).ToHaveTextAsync(role);
        await Expect(page.Page.Locator("dd[data-f=workspace_name]")).ToHaveTextAsync("Lighthouse");
        await Screenshots.CaptureAsync(page.Page, $"join-open-{language}");
        await page.Page.FillAsync("#email", email);
        await page.Button(button).ClickAsync();
        await page.ExpectStateAsync("sent");
        await page.ExpectHeadingAsync(confirmation);
        await Screenshots.CaptureAsync(page.Page, $"join-sent-{language}");
        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));

        Assert.StartsWith($"{api.BaseUrl}join#token=", url);
        Assert.Equal(language, await page.LanguageAsync());
        Assert.Equal($"{api.BaseUrl}join", page.Page.Url);
        Assert.DoesNotContain(requested, r => r.Contains(JoinLinkScenario.TokenOf(url), StringComparison.Ordinal));
        Assert.Equal(language, message.Message.Body?.Headers["Content-Language"]);
        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(page.UnexpectedConsoleErrors());
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_IsExplainedBesideTheField_AndNothingIsSent()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, _) = await api.CreateJoinLinkAsync(workspace);
        var queued = await api.QueuedJoinsAsync(everQueued: true);
        await using var page = await Page.NewAsync(chromium);

        await page.GotoAsync(link["url"]!.GetValue<string>());
        await page.ExpectStateAsync("open");
        await page.Page.FillAsync("#email", "someone@localhost");
        await page.Button("Send me an invitation").ClickAsync();

        await Expect(page.Page.Locator("#email-error")).ToContainTextAsync("domain");
        await Expect(page.Page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ExpectStateAsync("open");
        Assert.Equal(queued, await api.QueuedJoinsAsync(everQueued: true));
    }

    [Theory]
    [InlineData("disabled", "This join link was turned off")]
    [InlineData("expired", "This join link has expired")]
    [InlineData("used_up", "This join link has been used up")]
    [InlineData("unknown", "This join link is not valid")]
    public async Task AClosedLink_HasAPageOfItsOwn_WithNothingToFillIn(string state, string heading)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, _) = await api.CreateJoinLinkAsync(workspace, new { max_uses = 1, expires_in_days = 1 });
        var id = JoinLinkScenario.IdOf(link);
        var url = link["url"]!.GetValue<string>();
        switch (state)
        {
            case "disabled":
                (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{id}/disable", null)).EnsureSuccessStatusCode();
                break;
            case "expired":
                api.FakeClock.Advance(TimeSpan.FromDays(1));
                break;
            case "used_up":
                Assert.NotNull((await api.JoinNowAsync(id, Mailbox.NewAddress("only-one"))).InvitationId);
                break;
            default:
                (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{id}/rotate", null)).EnsureSuccessStatusCode();
                break;
        }

        await using var page = await Page.NewAsync(chromium);
        await page.GotoAsync(url);

        await page.ExpectStateAsync(state);
        await page.ExpectHeadingAsync(heading);
        await Expect(page.Page.Locator("#email")).ToBeHiddenAsync();
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Send me an invitation" })).ToHaveCountAsync(0);
        await Screenshots.CaptureAsync(page.Page, $"join-{state}");
    }

    [Fact]
    public async Task ALinkThatClosesWhileThePageIsOpen_ShowsWhyWhenTheAddressIsSent()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, _) = await api.CreateJoinLinkAsync(workspace);
        await using var page = await Page.NewAsync(chromium, "fr-FR");

        await page.GotoAsync(link["url"]!.GetValue<string>());
        await page.ExpectStateAsync("open");
        (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{JoinLinkScenario.JoinLinks(workspace)}/{link["id"]}/disable", null)).EnsureSuccessStatusCode();
        await page.Page.FillAsync("#email", Mailbox.NewAddress("late"));
        await page.Button("M’envoyer une invitation").ClickAsync();

        await page.ExpectStateAsync("disabled");
        await page.ExpectHeadingAsync("Ce lien d’adhésion a été désactivé");
    }
}
