using System.Text;
using Invitations.Api.ErrorHandling;
using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Middleware;

/// <summary>
/// Refuses a body whose charset .NET can't decode. The JSON reader would throw InvalidOperationException for it, which the
/// endpoints don't treat as bad input, so "Content-Type: application/json; charset=bogus" was a 500.
/// </summary>
internal static class CharsetGuard
{
    public static IApplicationBuilder UseCharsetGuard(this IApplicationBuilder app) => app.Use((context, next) =>
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset is { HasValue: true } charset
        && !IsKnown(charset.ToString())
            ? ApiError.Malformed($"The charset '{charset}' is not supported; send the JSON body as UTF-8.", 415).ExecuteAsync(context)
            : next(context));

    // The same test the framework's JSON reader applies.
    private static bool IsKnown(string charset)
    {
        try
        {
            return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || Encoding.GetEncoding(charset) is not null;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
