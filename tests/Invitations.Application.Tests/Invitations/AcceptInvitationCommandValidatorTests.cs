using Invitations.Application.Invitations.AcceptInvitation;

namespace Invitations.Application.Tests.Invitations;

public sealed class AcceptInvitationCommandValidatorTests
{
    private readonly AcceptInvitationCommandValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingToken_IsRefused(string? token)
    {
        var error = Assert.Single(_validator.Validate(new AcceptInvitationCommand(token)).Errors);

        Assert.Equal("Token is required.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_RealisticToken_IsAccepted()
    {
        var command = new AcceptInvitationCommand("q2HrVw3tQ8m1cJX5yN0bZk7uP4aL9sE6dF-gH_iJ0Kw", "Jane", "Doe");

        Assert.True(_validator.Validate(command).IsValid);
    }
}
