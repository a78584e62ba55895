using System.Text.RegularExpressions;
using Invitations.Domain.Common;

namespace Invitations.Domain.Tests.Common;

public sealed partial class SecretTokenTests
{
    [Fact]
    public void New_Returns43CharacterBase64UrlWithItsSha256()
    {
        var token = SecretToken.New();

        Assert.Matches(Base64Url(), token.Plaintext);
        Assert.Equal(43, token.Plaintext.Length);
        Assert.Equal(SecretToken.HashOf(token.Plaintext), token.Hash);
    }

    [Fact]
    public void New_TwoTokens_Differ()
    {
        Assert.NotEqual(SecretToken.New().Plaintext, SecretToken.New().Plaintext);
    }

    [Fact]
    public void HashOf_IsLowerHexSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretToken.HashOf("abc"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Base64Url();
}
