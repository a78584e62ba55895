using Microsoft.AspNetCore.Diagnostics;

namespace Invitations.Api.ErrorHandling;

/// <summary>The one place exceptions become responses; a client's mistake is never a 500.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = ErrorCatalog.From(exception);
        if (error is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            error = new ApiError(500, "internal", "Something went wrong on our side.", "Something went wrong on our side; it has been logged.");
        }
        else if (error.Status == 503)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        await ErrorWriter.WriteAsync(httpContext, error);
        return true;
    }
}
