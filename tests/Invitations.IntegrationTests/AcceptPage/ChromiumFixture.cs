using Microsoft.Playwright;

namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright's bundled node driver.
/// Playwright's own browser download is never used: the machine's Chromium is launched by path.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A shared machine can be slow; a page that never reaches a state still fails, just later.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("INVITATIONS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh, isolated browser profile at desktop size, in light mode, UTC, speaking <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = locale,
            TimezoneId = "UTC",
            ColorScheme = ColorScheme.Light,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
