using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class BrandingTests
{
    [Theory]
    [InlineData(true, "hello@acme.io", true, "hello@acme.io")]
    [InlineData(false, "hello@acme.io", true, null)]
    [InlineData(true, "hello@acme.io", false, null)]
    [InlineData(true, null, true, null)]
    [InlineData(true, "", true, null)]
    public void VerifiedSender_OnlyWithWhiteLabelAndVerification(bool whiteLabel, string? sender, bool verified, string? expected)
    {
        var branding = new Branding(whiteLabel, sender, verified, null, false);

        Assert.Equal(expected, branding.VerifiedSender);
    }

    [Theory]
    [InlineData("invites.acme.io", true, "invites.acme.io")]
    [InlineData("invites.acme.io", false, null)]
    [InlineData(null, true, null)]
    public void VerifiedDomain_OnlyWhenVerified(string? domain, bool verified, string? expected)
    {
        var branding = new Branding(false, null, false, domain, verified);

        Assert.Equal(expected, branding.VerifiedDomain);
    }
}
