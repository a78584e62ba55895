using Invitations.Api.ErrorHandling;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Invitations.Api.Middleware;

/// <summary>
/// Refuses large bodies before anything reads them: 64 KB, or what the route's <see cref="IRequestSizeLimitMetadata"/> says (the
/// bulk route takes 1 MiB). Kestrel enforces the same limit on bodies without a length.
/// </summary>
internal static class BodySizeLimit
{
    public const long MaxBytes = 64 * 1024;
    public const long BulkMaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBytes;
        if (context.Request.ContentLength > limit)
        {
            return ApiError.TooLarge($"The request body must be at most {limit / 1024} KB.").ExecuteAsync(context);
        }

        if (limit != MaxBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    });
}
