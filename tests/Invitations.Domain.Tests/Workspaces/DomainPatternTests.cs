using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class DomainPatternTests
{
    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("example.com", "EXAMPLE.com", true)]
    [InlineData("example.com", "example.com.", true)]
    [InlineData("example.com", "evil-example.com", false)]
    [InlineData("example.com", "sub.example.com", false)]
    [InlineData("example.com", "example.com.evil.io", false)]
    [InlineData("*.example.com", "sub.example.com", true)]
    [InlineData("*.example.com", "deep.sub.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "example.com.evil.io", false)]
    [InlineData("*.example.com", "evilexample.com", false)]
    [InlineData("*.example.com", "sub.evil-example.com", false)]
    [InlineData("bücher.de", "xn--bcher-kva.de", true)]
    [InlineData("xn--bcher-kva.de", "BÜCHER.de", true)]
    [InlineData("*.bücher.de", "shop.xn--bcher-kva.de", true)]
    public void Matches_ByLabelsOnThePunycodeForm(string pattern, string domain, bool matches)
    {
        Assert.True(DomainPattern.TryParse(pattern, out var rule));

        Assert.Equal(matches, rule.Matches(domain));
    }

    [Theory]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("*.Bücher.de", "*.xn--bcher-kva.de")]
    public void TryParse_KeepsTheLowerCasePunycodeForm(string text, string expected)
    {
        Assert.True(DomainPattern.TryParse(text, out var rule));

        Assert.Equal(expected, rule.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("a.*.com")]
    [InlineData("exa mple.com")]
    [InlineData("example..com")]
    [InlineData("https://example.com")]
    [InlineData("-example.com")]
    public void TryParse_RefusesWhatIsNotADomainOrASubdomainRule(string text) =>
        Assert.False(DomainPattern.TryParse(text, out _));
}
