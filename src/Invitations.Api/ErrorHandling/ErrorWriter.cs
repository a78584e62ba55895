using System.Globalization;
using Invitations.Api.Compatibility;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Invitations.Api.ErrorHandling;

public static class ErrorWriter
{
    // The exception handler middleware clears the endpoint before handlers run; its feature keeps the original.
    public static ErrorShape ShapeOf(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())
        ?.Metadata.GetMetadata<ErrorShapeMetadata>()?.Shape ?? ShapeOf(context.Request.Path);

    // No route metadata to read before routing (a body too large) or when routing itself refused the request (a body
    // that isn't JSON gets routing's own 415 endpoint): the compatibility routes are known by their paths.
    private static ErrorShape ShapeOf(PathString path) =>
        path.StartsWithSegments(InviteTeammateEndpoints.Route) ? ErrorShape.StatusMessage
        : path.StartsWithSegments(WorkspaceInviteEndpoints.PathPrefix) ? ErrorShape.SuccessMessage
        : ErrorShape.Problem;

    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var message = error.Detail.Length > 0 ? error.Detail : error.Title;
        return ShapeOf(context) switch
        {
            ErrorShape.StatusMessage => response.WriteAsJsonAsync(new { status = "error", message }),
            ErrorShape.SuccessMessage => response.WriteAsJsonAsync(new { success = false, message }),
            _ => WriteProblemAsync(context, error),
        };
    }

    // Serialized as its runtime type: as the base type, a validation problem would lose its `errors`.
    private static Task WriteProblemAsync(HttpContext context, ApiError error)
    {
        var problem = Problem(context, error);
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    private static ProblemDetails Problem(HttpContext context, ApiError error)
    {
        var problem = error.Errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(error.Errors);
        problem.Type = error.Type;
        problem.Title = error.Title;
        problem.Status = error.Status;
        problem.Detail = error.Detail;
        problem.Instance = context.Request.Path;
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
