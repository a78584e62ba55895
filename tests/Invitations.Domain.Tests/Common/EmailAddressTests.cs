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
    public void Create_InvalidAddress_ThrowsInvalidEmail(string? input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Create(input));

        Assert.Equal(ErrorCodes.InvalidEmail, error.Code);
        Assert.False(EmailAddress.IsValid(input));
    }

    [Theory]
    [InlineData("ad\u200Ba@example.com")] // zero-width space
    [InlineData("ad\u200Ca@example.com")] // zero-width non-joiner
    [InlineData("ad\u200Da@example.com")] // zero-width joiner
    [InlineData("ad\u2060a@example.com")] // word joiner
    [InlineData("ada@\u202Eelpmaxe.com")] // right-to-left override
    [InlineData("\uFEFFada@example.com")] // byte order mark, leading
    [InlineData("ada@example.com\uFEFF")] // byte order mark, trailing (not white space, so not trimmed)
    [InlineData("ad\u00ADa@example.com")] // soft hyphen
    [InlineData("ad\u3164a@example.com")] // Hangul filler
    [InlineData("ada\uFE0F@example.com")] // variation selector
    [InlineData("ada\uE000@example.com")] // private use
    public void Create_InvisibleCharacter_ThrowsInvalidEmailSayingSo(string input)
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Create(input));

        Assert.Equal(ErrorCodes.InvalidEmail, error.Code);
        Assert.Contains("invisible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LoneSurrogate_ThrowsValidation()
    {
        var error = Assert.Throws<DomainException>(() => EmailAddress.Create("ada@example.com" + (char)0xD800));

        Assert.Contains("invisible", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jos\u00E9@example.com")]
    [InlineData("\u674E\u96F7@example.cn")]
    [InlineData("smile\uD83D\uDE00@example.com")]
    public void Create_VisibleNonAsciiCharacters_AreAccepted(string input)
    {
        Assert.Equal(input, EmailAddress.Create(input).Value);
    }
}
