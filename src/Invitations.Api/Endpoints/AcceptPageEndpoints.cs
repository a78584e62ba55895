using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Invitations.Api.Pages;
using Invitations.Application.Common;
using Microsoft.Extensions.Localization;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The invitee's page. Offline and locked down: the token lives only in the URL fragment. Served in the browser's language
/// (<c>Accept-Language</c>, else English) with that language's texts in it; once the invitation is looked up, the page fetches
/// the texts of the language the invitation is to be shown in (contract §11) from <c>/invitations/accept/texts/{language}</c>.
/// </summary>
internal static class AcceptPageEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/invitations/accept.css", "accept.css", "text/css; charset=utf-8"),
        ("/invitations/accept.js", "accept.js", "text/javascript; charset=utf-8"),
        ("/invitations/accept-texts.js", "accept-texts.js", "text/javascript; charset=utf-8"),
        ("/invitations/accept-decline.js", "accept-decline.js", "text/javascript; charset=utf-8"),
    ];

    private static readonly ConcurrentDictionary<string, (byte[] Page, byte[] Texts)> ByLanguage = new();

    public static IEndpointRouteBuilder MapAcceptPage(this IEndpointRouteBuilder app)
    {
        var template = Encoding.UTF8.GetString(Load("accept.html"));
        app.MapGet("/invitations/accept", (HttpContext http, IStringLocalizer<AcceptPageTexts> texts) =>
        {
            var language = Languages.Negotiate(BrowserLanguages.Of(http.Request)) ?? Languages.Default;
            http.Response.Headers.Vary = "Accept-Language";
            return Locked(http, In(language, template, texts).Page, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet("/invitations/accept/texts/{language}", (string language, HttpContext http, IStringLocalizer<AcceptPageTexts> texts) =>
            Languages.Shipped.Contains(language)
                ? Locked(http, In(language, template, texts).Texts, "application/json; charset=utf-8")
                : Results.NotFound()).ExcludeFromDescription();
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Load(resource);
            app.MapGet(path, (HttpContext http) => Locked(http, bytes, contentType)).ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>The page and its texts in <paramref name="language"/>, made once per language.</summary>
    private static (byte[] Page, byte[] Texts) In(string language, string template, IStringLocalizer<AcceptPageTexts> localizer) =>
        ByLanguage.GetOrAdd(language, _ =>
        {
            var texts = Languages.In(language, () => localizer.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));
            var json = JsonSerializer.Serialize(new { language, texts }); // the default encoder escapes '<': no "</script>" inside
            var page = template.Replace("{{lang}}", language, StringComparison.Ordinal)
                .Replace("{{texts}}", json, StringComparison.Ordinal);
            foreach (var key in new[] { "page_title", "noscript_title", "noscript_text" })
            {
                page = page.Replace("{{" + key + "}}", WebUtility.HtmlEncode(texts[key]), StringComparison.Ordinal);
            }

            return (Encoding.UTF8.GetBytes(page), Encoding.UTF8.GetBytes(json));
        });

    private static IResult Locked(HttpContext http, byte[] bytes, string contentType)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        return TypedResults.Bytes(bytes, contentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Invitations.Api.Pages.{name}")
            ?? throw new InvalidOperationException($"Page asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
