using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Endpoints;

/// <summary>A request's <c>Accept-Language</c>: the tags it names, most preferred first (a zero weight names none).</summary>
internal static class BrowserLanguages
{
    public static IReadOnlyList<string> Of(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values)
            ? values.Where(v => v.Quality is not 0 && v.Value.Value is { Length: > 0 } tag && tag != "*")
                .OrderByDescending(v => v.Quality ?? 1)
                .Select(v => v.Value.Value!)
                .ToList()
            : [];
}
