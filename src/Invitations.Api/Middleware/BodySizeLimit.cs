using Invitations.Api.ErrorHandling;

namespace Invitations.Api.Middleware;

/// <summary>Refuses large bodies before anything reads them. Kestrel's own limit catches bodies without a length.</summary>
internal static class BodySizeLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use((context, next) =>
        context.Request.ContentLength > MaxBytes
            ? ApiError.TooLarge($"The request body must be at most {MaxBytes / 1024} KB.").ExecuteAsync(context)
            : next(context));
}
