using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>The invitee's page in its own browser profile, recording what the console and CSP report along the way.</summary>
public sealed partial class AcceptPage : IAsyncDisposable
{
    // The page script records these before any page script runs; CSP cannot block an init script.
    private const string RecordCspViolations =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly List<string> _consoleErrors = [];

    private AcceptPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors) { _consoleErrors.Add(message.Text); }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors) { _consoleErrors.Add($"Uncaught: {error}"); }
        };
    }

    public IPage Page { get; }

    public ILocator Card => Page.Locator("#card");

    public ILocator AcceptButton => Page.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" });

    /// <summary>A page in a browser whose language is <paramref name="locale"/> (its <c>Accept-Language</c> and <c>navigator.language</c>).</summary>
    public static async Task<AcceptPage> NewAsync(ChromiumFixture chromium, string locale = "en-US")
    {
        var page = await chromium.NewPageAsync(locale);
        await page.AddInitScriptAsync(RecordCspViolations);
        return new AcceptPage(page);
    }

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public Task<string?> LanguageAsync() => Page.Locator("html").GetAttributeAsync("lang");

    public async Task<IResponse?> GotoAsync(string link) => await Page.GotoAsync(link);

    public Task ExpectStateAsync(string state) => Expect(Card).ToHaveAttributeAsync("data-state", state);

    public Task ExpectHeadingAsync(string text) =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = text })).ToBeVisibleAsync();

    /// <summary>A dead link must offer nothing to press that would accept it.</summary>
    public async Task ExpectNoAcceptButtonAsync()
    {
        await Expect(Page.Locator("#accept")).ToBeHiddenAsync();
        await Expect(AcceptButton).ToHaveCountAsync(0);
    }

    /// <summary>Console errors other than the browser's own note on a 4xx answer, which the page handles.</summary>
    public IReadOnlyList<string> UnexpectedConsoleErrors()
    {
        lock (_consoleErrors)
        {
            return [.. _consoleErrors.Where(text => !ClientErrorResponse().IsMatch(text))];
        }
    }

    public async Task<IReadOnlyList<string>> CspViolationsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__cspViolations");

    /// <summary>How many lines the element's first words ("Email" in "Email ann@…") are spread over as laid out.</summary>
    public static Task<int> LinesOfLeadingTextAsync(ILocator element) => element.EvaluateAsync<int>(
        """
        el => {
          const text = [...el.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
          const range = document.createRange();
          range.selectNodeContents(text);
          return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        }
        """);

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of 4\d\d\b")]
    private static partial Regex ClientErrorResponse();
}
