using System.Diagnostics;

namespace Invitations.Api.Middleware;

/// <summary>
/// One line per request: method, path, status and duration. Never the query string, headers or body, where keys and
/// tokens travel; the paths hold ids only (tokens go in bodies, and the accept page's in its fragment).
/// </summary>
internal static partial class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLogging).FullName!);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Served(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Served(ILogger logger, string method, PathString path, int statusCode, double elapsedMs);
}
