using Invitations.Domain.Common;

namespace Invitations.Domain.Tests.Common;

public sealed class EmailAddressTests
{
    public static TheoryData<string?> InvalidAddresses => new()
    {
        null,
        "",
        "   ",
        new string('a', 243) + "@example.com",
        "bob.example.com",
        "@example.com",
        "bob@alice@example.com",
        ".bob@example.com",
        "bob.@example.com",
        "bob..smith@example.com",
        "bob@localhost",
        "bob@.example.com",
        "bob@example.com.",
        "bob@example..com",
        "bob smith@example.com",
        "bob\t@example.com",
        "bob@example.com\r\nBcc: eve@evil.io",
        "bob@example.com\nBcc: eve@evil.io",
        "Bob <bob@example.com>",
        "bob@example.com,eve@evil.io",
        "bob@example.com;eve@evil.io",
    };

    [Theory]
    [InlineData("bob@example.com", "bob@example.com", "bob@example.com")]
    [InlineData("  Bob.Smith@Example.COM  ", "Bob.Smith@Example.COM", "bob.smith@example.com")]
    [InlineData("\tANN+tag@Mail.Example.org\n", "ANN+tag@Mail.Example.org", "ann+tag@mail.example.org")]
    public void Create_ValidAddress_TrimsAndKeepsSpelling(string input, string value, string normalized)
    {
        var email = EmailAddress.Create(input);

        Assert.Equal(value, email.Value);
        Assert.Equal(normalized, email.Normalized);
    }

    [Fact]
    public void Create_Exactly254Characters_IsAccepted()
    {
        var input = new string('a', 242) + "@example.com";

        Assert.Equal(254, EmailAddress.Create(input).Value.Length);
    }

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void Create_InvalidAddress_ThrowsValidation(string? input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Create(input));

        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.False(EmailAddress.IsValid(input));
    }
}
