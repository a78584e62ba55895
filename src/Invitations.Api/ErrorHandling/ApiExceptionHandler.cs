using System.Text.Json;
using FluentValidation;
using Invitations.Domain.Common;
using Invitations.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Invitations.Api.ErrorHandling;

/// <summary>The one place exceptions become responses. A client's mistake is never a 500; a 500 is a bug, and logged.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = Describe(exception);
        if (error is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            error = ApiError.Internal;
        }
        else if (error.Status == 503)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        await error.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The error a client gets for <paramref name="exception"/>; null for a bug.</summary>
    public static ApiError? Describe(Exception exception) => exception switch
    {
        DomainException e => BrokenRule(e),
        ValidationException e => Invalid(e),
        BadHttpRequestException e => BadRequestError.Describe(e),
        UnreadableBodyException e => ApiError.Malformed(e.Message, e.Status),
        _ when DatabaseOutage.Is(exception) => ApiError.Unavailable,
        _ => null,
    };

    /// <summary>The rule's code decides status and type; its facts go out under their wire names.</summary>
    private static ApiError BrokenRule(DomainException e) => ApiError.ForRule(e.Code, e.Message) with
    {
        RetryAfter = e.AllowedAgainIn,
        Extensions = e.Code switch
        {
            ErrorCodes.DuplicatePending => new Dictionary<string, object?> { ["existing_invitation_id"] = e.InvitationId },
            ErrorCodes.NotPending => new Dictionary<string, object?> { ["invitation_status"] = e.InvitationStatus },
            ErrorCodes.JoinLinkClosed => new Dictionary<string, object?> { ["join_link_status"] = e.JoinLinkStatus },
            ErrorCodes.SeatLimitReached when e.Seats is { Limit: var limit, InUse: var inUse } =>
                new Dictionary<string, object?> { ["limit"] = limit, ["in_use"] = inUse, ["available"] = Math.Max(0, limit - inUse) },
            _ => null,
        },
    };

    private static ApiError Invalid(ValidationException e)
    {
        var errors = e.Errors
            .GroupBy(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return ApiError.Validation(string.Join(" ", errors.Values.SelectMany(m => m)), errors);
    }
}
