using Microsoft.Playwright;

namespace Invitations.IntegrationTests.AcceptPage;

/// <summary>Saves what a person sees at phone and desktop widths, for a human to look at; nothing is compared.</summary>
public static class Screenshots
{
    private static readonly (int Width, int Height)[] Sizes = [(375, 812), (1280, 800)];

    public static string PathOf(string state, int width) =>
        Path.Combine(AppContext.BaseDirectory, "screenshots", $"{state}-{width}.png");

    public static async Task CaptureAsync(IPage page, string state)
    {
        foreach (var (width, height) in Sizes)
        {
            var path = PathOf(state, width);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
            });
            var size = new FileInfo(path).Length;
            Assert.True(size > 5 * 1024, $"{path} is only {size} bytes: a blank or broken page?");
        }
    }
}
