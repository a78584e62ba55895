namespace Invitations.Api.ErrorHandling;

/// <summary>Refuses large bodies before anything reads them. Kestrel's own limit catches bodies without a length.</summary>
internal static class BodySizeLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await ErrorWriter.WriteAsync(context, new ApiError(413, "too-large", "The request is too large.",
                $"The request body must be at most {MaxBytes / 1024} KB."));
            return;
        }

        await next(context);
    });
}
