using Invitations.Application.Workspaces.SetBranding;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Tests.Workspaces;

public sealed class SetBrandingCommandValidatorTests
{
    private readonly SetBrandingCommandValidator _validator = new();

    [Theory]
    [InlineData("https://invites.acme.io")]
    [InlineData("invites.acme.io/join")]
    [InlineData("invites.acme.io:8443")]
    [InlineData("localhost")]
    [InlineData("-bad.acme.io")]
    public void Validate_CustomDomainThatIsNotAHostName_IsRefused(string domain)
    {
        var error = Assert.Single(_validator.Validate(Command() with { CustomDomain = domain }).Errors);

        Assert.Equal("CustomDomain", error.PropertyName);
    }

    [Theory]
    [InlineData("invites.acme.io")]
    [InlineData("Acme-Invites.example.co.uk")]
    public void Validate_HostName_IsAccepted(string domain)
    {
        Assert.True(_validator.Validate(Command() with { CustomDomain = domain, CustomDomainVerified = true }).IsValid);
    }

    [Fact]
    public void Validate_VerifiedSenderWithoutEmail_IsRefused()
    {
        var error = Assert.Single(_validator.Validate(Command() with { SenderEmailVerified = true }).Errors);

        Assert.Equal("A verified sender needs a sender_email.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_VerifiedDomainWithoutDomain_IsRefused()
    {
        var error = Assert.Single(_validator.Validate(Command() with { CustomDomainVerified = true }).Errors);

        Assert.Equal("A verified domain needs a custom_domain.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_SenderThatIsADisplayName_IsRefused()
    {
        var error = Assert.Single(_validator.Validate(Command() with { SenderEmail = "Acme <hello@acme.io>" }).Errors);

        Assert.Equal("SenderEmail", error.PropertyName);
    }

    private static SetBrandingCommand Command() => new(WorkspaceId.New(), true, null, false, null, false);
}
