using Invitations.Application.Common;

namespace Invitations.Application.Tests.Common;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData("de", null, "de")]
    [InlineData("DE-at", null, "de")]
    [InlineData("pt-br", null, "pt-BR")]
    [InlineData("pt-BR-x-custom", null, "pt-BR")]
    [InlineData("pt-PT", "fr", "fr")]
    [InlineData("it", "es-MX", "es")]
    [InlineData("it", null, "en")]
    [InlineData(null, "de-CH", "de")]
    [InlineData(null, null, "en")]
    public void For_IsTheFirstShippedOf_TheTag_ItsShorterForms_TheWorkspaceDefault_English(string? tag, string? workspaceDefault, string expected) =>
        Assert.Equal(expected, Languages.For(tag, workspaceDefault));

    [Fact]
    public void Negotiate_TakesTheFirstShippedOfTheBrowsersLanguages() =>
        Assert.Equal("fr", Languages.Negotiate(["ja-JP", "fr-CA", "de"]));

    [Theory]
    [InlineData("de", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("sl-rozaj-biske", true)]
    [InlineData("x-private", true)]
    [InlineData("de_DE", false)]
    [InlineData("d", false)]
    [InlineData("de-", false)]
    [InlineData("123", false)]
    [InlineData("de DE", false)]
    public void LanguageTag_IsWellFormedBcp47(string tag, bool wellFormed) => Assert.Equal(wellFormed, LanguageTag.IsWellFormed(tag));
}
