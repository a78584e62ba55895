using FluentValidation.Results;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Tests.Invitations;

public sealed class CreateInvitationCommandValidatorTests
{
    private readonly CreateInvitationCommandValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_MissingRole_IsRefused(string? role)
    {
        var result = Validate(Command() with { Role = role });

        Assert.Equal(["Role is required."], Messages(result, "Role"));
    }

    [Fact]
    public void Validate_RoleOutsideAllowedRoles_ListsTheAllowedOnes()
    {
        var result = Validate(Command() with { Role = "teammate", AllowedRoles = ["admin", "editor", "viewer"] });

        Assert.Equal(["Role must be one of: admin, editor, viewer."], Messages(result, "Role"));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("superuser")]
    public void Validate_OwnerOrUnknownRoleByDefault_IsRefused(string role)
    {
        var result = Validate(Command() with { Role = role });

        var message = Assert.Single(Messages(result, "Role"));
        Assert.StartsWith("Role must be one of: admin, team_supervisor", message, StringComparison.Ordinal);
        Assert.DoesNotContain("owner", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("Team_Supervisor")]
    [InlineData("Viewer")]
    public void Validate_RoleInAnyCase_IsAccepted(string role)
    {
        Assert.True(Validate(Command() with { Role = role }).IsValid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(31)]
    public void Validate_ExpiresInDaysOutsideOneToThirty_IsRefused(int days)
    {
        var result = Validate(Command() with { ExpiresInDays = days });

        Assert.Single(Messages(result, "ExpiresInDays"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(null)]
    public void Validate_ExpiresInDaysWithinBounds_IsAccepted(int? days)
    {
        Assert.True(Validate(Command() with { ExpiresInDays = days }).IsValid);
    }

    [Theory]
    [InlineData("", "Email is required.")]
    [InlineData("jane doe@example.com", "Email must be a single address without spaces or control characters.")]
    [InlineData("Jane<jane@example.com>", "Email must be a bare address such as name@example.com, not a display name or a list.")]
    [InlineData("jane@example.com,bob@example.com", "Email must be a bare address such as name@example.com, not a display name or a list.")]
    [InlineData("jane@localhost", "Email domain must be a name with a dot, such as example.com.")]
    public void Validate_BadEmail_SaysWhatIsWrong(string email, string expected)
    {
        var result = Validate(Command() with { Email = email });

        Assert.Equal([expected], Messages(result, "Email"));
    }

    [Theory]
    [InlineData("FirstName", 101, "")]
    [InlineData("LastName", 101, "")]
    [InlineData("FirstName", 3, "\u0000")]
    [InlineData("LastName", 3, "\r\nBcc: eve@evil.io")]
    public void Validate_LongOrControlCharacterName_IsRefused(string field, int length, string suffix)
    {
        var name = new string('a', length) + suffix;
        var command = field == "FirstName" ? Command() with { FirstName = name } : Command() with { LastName = name };

        Assert.NotEmpty(Messages(Validate(command), field));
    }

    [Fact]
    public void Validate_HundredCharacterNames_AreAccepted()
    {
        var name = new string('a', 100);

        Assert.True(Validate(Command() with { FirstName = name, LastName = name }).IsValid);
    }

    private static CreateInvitationCommand Command() => new(InvitationBuilder.Actor(), "jane@example.com", "teammate");

    private ValidationResult Validate(CreateInvitationCommand command) => _validator.Validate(command);

    private static string[] Messages(ValidationResult result, string property) =>
        result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToArray();
}
