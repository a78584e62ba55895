using System.Reflection;

namespace Invitations.Api.Endpoints;

/// <summary>The invitee's page. Static, offline, and locked down: the token lives only in the URL fragment.</summary>
internal static class AcceptPageEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/invitations/accept", "accept.html", "text/html; charset=utf-8"),
        ("/invitations/accept.css", "accept.css", "text/css; charset=utf-8"),
        ("/invitations/accept.js", "accept.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapAcceptPage(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Load(resource);
            app.MapGet(path, (HttpContext http) =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-store";
                return TypedResults.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }

        return app;
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
