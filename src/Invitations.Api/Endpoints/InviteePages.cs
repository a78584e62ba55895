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
/// What the pages a person opens from a link (the acceptance page, the join page) share: each is a template served in the
/// browser's language (<c>Accept-Language</c>, else English) with that language's texts in it, its texts per language at
/// <c>{path}/texts/{language}</c> for the page to switch to (contract §11), static assets, and the same locked-down headers.
/// Offline: no framework, no external assets; the token lives only in the URL fragment.
/// </summary>
internal static class InviteePages
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<(string Path, string Language), (byte[] Page, byte[] Texts)> Made = new();

    /// <summary>
    /// The page at <paramref name="path"/>: the shared layout (link-page.html: the card, its loading, unknown-link, error and
    /// rate-limited views, the shared scripts) around the page's own views (<paramref name="views"/>) and
    /// <paramref name="scripts"/>, with the texts of <typeparamref name="TTexts"/> on top of the shared ones.
    /// </summary>
    public static IEndpointRouteBuilder MapTextPage<TTexts>(this IEndpointRouteBuilder app, string path, string views, params string[] scripts)
    {
        var scriptTags = string.Join("\n", scripts.Select(src => $"  <script src=\"{src}\" defer></script>"));
        var html = Encoding.UTF8.GetString(Load("link-page.html"))
            .Replace("{{views}}\n", Encoding.UTF8.GetString(Load(views)), StringComparison.Ordinal)
            .Replace("{{scripts}}", scriptTags, StringComparison.Ordinal)
            .Replace("{{texts_url}}", path + "/texts/", StringComparison.Ordinal);
        app.MapGet(path, (HttpContext http, IStringLocalizer<LinkPageTexts> shared, IStringLocalizer<TTexts> own) =>
        {
            var language = Languages.Negotiate(BrowserLanguages.Of(http.Request)) ?? Languages.Default;
            http.Response.Headers.Vary = "Accept-Language";
            return Locked(http, In(path, language, html, shared, own).Page, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet(path + "/texts/{language}", (string language, HttpContext http, IStringLocalizer<LinkPageTexts> shared, IStringLocalizer<TTexts> own) =>
            Languages.Shipped.Contains(language)
                ? Locked(http, In(path, language, html, shared, own).Texts, "application/json; charset=utf-8")
                : Results.NotFound()).ExcludeFromDescription();
        return app;
    }

    public static IEndpointRouteBuilder MapAsset(this IEndpointRouteBuilder app, string path, string resource)
    {
        var bytes = Load(resource);
        var contentType = resource.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        app.MapGet(path, (HttpContext http) => Locked(http, bytes, contentType)).ExcludeFromDescription();
        return app;
    }

    /// <summary>The page and its texts in <paramref name="language"/> (its own on top of the shared), made once per page and language.</summary>
    private static (byte[] Page, byte[] Texts) In(string path, string language, string template, IStringLocalizer shared, IStringLocalizer own) =>
        Made.GetOrAdd((path, language), _ =>
        {
            var texts = Languages.In(language, () => shared.GetAllStrings(includeParentCultures: true)
                .Concat(own.GetAllStrings(includeParentCultures: true))
                .GroupBy(s => s.Name)
                .ToDictionary(g => g.Key, g => g.Last().Value));
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
