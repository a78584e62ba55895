using FluentValidation.Results;
using Invitations.Application.JoinLinks.CreateJoinLink;
using Invitations.Application.JoinLinks.RequestToJoin;
using Invitations.Application.Tests.Invitations;

namespace Invitations.Application.Tests.JoinLinks;

public sealed class JoinLinkValidatorTests
{
    private static readonly CreateJoinLinkCommand Link = new(InvitationBuilder.Actor(), "editor");
    private static readonly RequestToJoinCommand Join = new("a-token", "ann@example.com");

    [Fact]
    public void ALink_WithItsOptionsAtTheirBounds_IsValid()
    {
        Assert.True(Validate(Link with { MaxUses = 1, ExpiresInDays = 1 }).IsValid);
        Assert.True(Validate(Link with { MaxUses = 10_000, ExpiresInDays = 90, AllowedDomains = ["example.com", "*.example.org"] }).IsValid);
    }

    [Fact]
    public void ALink_SaysWhatIsWrongWithEachField()
    {
        var result = Validate(Link with
        {
            Role = "chief", MaxUses = 0, ExpiresInDays = 91, AllowedDomains = ["example.com", "not a domain"], Description = "bad\u0007",
        });

        Assert.Equal(["Role must be one of: owner, admin, team_supervisor, teammate, agent, collaborator, editor, viewer."], Messages(result, "Role"));
        Assert.Equal(["max_uses must be 1 to 10000, or absent for no limit."], Messages(result, "MaxUses"));
        Assert.Equal(["expires_in_days must be 1 to 90."], Messages(result, "ExpiresInDays"));
        Assert.Equal(
            ["allowed_domains: 'not a domain' is not a domain rule; give a DNS name such as example.com, or *.example.com for its subdomains."],
            Messages(result, "AllowedDomains"));
        Assert.Equal(["Description can't contain control characters."], Messages(result, "Description"));
    }

    [Fact]
    public void ALink_WithMoreThanAHundredDomains_IsRefused()
    {
        var result = Validate(Link with { AllowedDomains = [.. Enumerable.Range(0, 101).Select(i => $"d{i}.example.com")] });

        Assert.Equal(["allowed_domains takes at most 100 domains."], Messages(result, "AllowedDomains"));
    }

    [Theory]
    [InlineData("not-an-address", "Email must contain exactly one '@' with a name before it.")]
    [InlineData("Bob<bob@example.com>", "Email must be a bare address such as name@example.com, not a display name or a list.")]
    [InlineData("", "Email is required.")]
    public void AJoin_WithAMalformedAddress_SaysWhy(string email, string message) =>
        Assert.Equal([message], Messages(new RequestToJoinCommandValidator().Validate(Join with { Email = email }), "Email"));

    [Fact]
    public void AJoin_ChecksItsTokenNamesAndLanguage()
    {
        var result = new RequestToJoinCommandValidator().Validate(Join with { Token = "", FirstName = new string('x', 101), Locale = "not a tag" });

        Assert.Equal(["Token is required."], Messages(result, "Token"));
        Assert.NotEmpty(Messages(result, "FirstName"));
        Assert.NotEmpty(Messages(result, "Locale"));
        Assert.True(new RequestToJoinCommandValidator().Validate(Join with { FirstName = "Ann", Locale = "pt-BR" }).IsValid);
    }

    private static ValidationResult Validate(CreateJoinLinkCommand command) => new CreateJoinLinkCommandValidator().Validate(command);

    private static string[] Messages(ValidationResult result, string property) =>
        [.. result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];
}
