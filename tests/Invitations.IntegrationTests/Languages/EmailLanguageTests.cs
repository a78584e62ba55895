using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Languages;

/// <summary>The invitation email in the invitee's language (contract §11), as the SMTP server receives it.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class EmailLanguageTests(ServiceHost api)
{
    /// <summary>Asked for, used, and words only that language's email has (subject; the text part's line before the link).</summary>
    public static TheoryData<string, string, string, string> Shipped => new()
    {
        { "en", "en", "invited you to join", "Accept the invitation:" },
        { "de", "de", "hat Sie zu", "Einladung annehmen:" },
        { "fr", "fr", "vous invite à rejoindre", "Accepter l’invitation :" },
        { "es", "es", "te ha invitado a unirte a", "Acepta la invitación:" },
        { "pt-BR", "pt-BR", "convidou você para participar de", "Aceite o convite:" },
    };

    /// <summary>The invitation's tag, the workspace's default, the language used, and the culture its dates are written in.</summary>
    public static TheoryData<string?, string?, string, string> Fallbacks => new()
    {
        { "de-AT", null, "de", "de-AT" },
        { "PT-br", null, "pt-BR", "pt-BR" },
        { "it", "fr", "fr", "fr" },
        { "ja-JP", null, "en", "en" },
        { null, "es-MX", "es", "es" },
        { null, null, "en", "en" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task Email_InEachShippedLanguage_IsWrittenInIt_WithItsDatesAndContentLanguage(
        string locale, string language, string subjectWords, string linkLine)
    {
        var workspace = await api.CreateWorkspaceAsync("Nordlicht");
        var email = Mailbox.NewAddress(language);

        var invitation = await (await api.InviteAsync(workspace, email, "viewer", extra: new { locale })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(locale, (string?)invitation["locale"]);
        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email)).Message;
        Assert.Equal(language, ContentLanguage(message));
        Assert.Contains(subjectWords, message.Subject);
        Assert.Contains(linkLine, message.TextBody);
        Assert.Contains($"<html lang=\"{language}\">", message.HtmlBody);
        AssertExpiryWritten(message, invitation, CultureInfo.GetCultureInfo(language));
    }

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public async Task Email_FallsBackFromTheTag_ToItsLanguage_ThenTheWorkspaceDefault_ThenEnglish(
        string? locale, string? workspaceDefault, string language, string dateCulture)
    {
        var workspace = await api.CreateWorkspaceAsync();
        if (workspaceDefault is not null)
        {
            await (await api.SetDefaultLocaleAsync(workspace, workspaceDefault)).ReadJsonAsync(HttpStatusCode.OK);
        }

        var email = Mailbox.NewAddress("fallback");
        var invitation = await (await api.InviteAsync(workspace, email, extra: locale is null ? null : new { locale }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(locale, (string?)invitation["locale"]);
        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email)).Message;
        Assert.Equal(language, ContentLanguage(message));
        AssertExpiryWritten(message, invitation, CultureInfo.GetCultureInfo(dateCulture));
    }

    [Fact]
    public async Task Resend_WithALocale_SendsTheNewEmailInIt_AndKeepsIt()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("resent");
        var id = await api.InvitationIdAsync(workspace, email, sendEmail: true);
        await api.Smtp.WaitForMailAsync(email);

        var resent = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync($"{ApiClients.Native(workspace)}/{id}/resend", new { locale = "es" }))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("es", (string?)resent["locale"]);
        var second = (await api.Smtp.WaitForMailAsync(email, 2))[1].Message;
        Assert.Equal("es", ContentLanguage(second));
        Assert.Contains("te ha invitado", second.Subject);
    }

    [Theory]
    [InlineData("de_DE")]
    [InlineData("12")]
    [InlineData("d")]
    [InlineData("de-")]
    public async Task MalformedLocale_IsRefusedOnCreateAndResend_AndWritesNothing(string locale)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var id = await api.InvitationIdAsync(workspace);
        var before = await api.RowCountsAsync();
        var client = api.ClientWithKey(workspace.ApiKey);

        var created = await ErrorAssert.ProblemAsync(
            await api.InviteAsync(workspace, "tagged@example.com", extra: new { locale }), HttpStatusCode.BadRequest, "validation");
        var resent = await ErrorAssert.ProblemAsync(
            await client.PostAsJsonAsync($"{ApiClients.Native(workspace)}/{id}/resend", new { locale }), HttpStatusCode.BadRequest, "validation");

        Assert.Contains("BCP 47", (string?)created["errors"]!["locale"]![0]);
        Assert.Contains("BCP 47", (string?)resent["errors"]!["locale"]![0]);
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("de-CH", HttpStatusCode.OK)]
    [InlineData("pt-BR", HttpStatusCode.OK)]
    [InlineData("it", HttpStatusCode.BadRequest)]
    [InlineData("de_CH", HttpStatusCode.BadRequest)]
    public async Task Branding_DefaultLocale_IsAShippedLanguageOrARegionalFormOfOne(string locale, HttpStatusCode expected)
    {
        var workspace = await api.CreateWorkspaceAsync();

        var response = await api.SetDefaultLocaleAsync(workspace, locale);

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(locale, (string?)(await response.ReadJsonAsync(expected))["default_locale"]);
        }
        else
        {
            var problem = await ErrorAssert.ProblemAsync(response, expected, "validation");
            Assert.NotNull(problem["errors"]!["default_locale"]);
        }
    }

    /// <summary>As a mail client reads it: a top-level Content-* header, which MimeKit files with the body.</summary>
    private static string? ContentLanguage(MimeKit.MimeMessage message) => message.Body?.Headers["Content-Language"];

    private static void AssertExpiryWritten(MimeKit.MimeMessage message, System.Text.Json.Nodes.JsonObject invitation, CultureInfo culture)
    {
        var expires = invitation["expires_at"]!.GetValue<DateTimeOffset>().UtcDateTime;
        foreach (var part in new[] { message.TextBody, WebUtility.HtmlDecode(message.HtmlBody) })
        {
            Assert.Contains(expires.ToString("D", culture), part);
            Assert.Contains(expires.ToString("t", culture), part);
        }
    }
}
