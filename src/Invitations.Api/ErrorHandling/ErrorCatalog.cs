using System.Text.Json;
using FluentValidation;
using Invitations.Domain.Common;
using Invitations.Infrastructure.Persistence;
using Microsoft.AspNetCore.WebUtilities;

namespace Invitations.Api.ErrorHandling;

/// <summary>Every error a client can cause, as a status, a problem type and a sentence. Anything else is a 500.</summary>
public static class ErrorCatalog
{
    private const string NotJson = "Send the body as JSON with Content-Type: application/json.";

    private static readonly Dictionary<string, (int Status, string Kind, string Title)> Rules = new()
    {
        [ErrorCodes.Validation] = (400, "validation", "The request is not valid."),
        [ErrorCodes.Unauthorized] = (401, "unauthorized", "Authentication is required."),
        [ErrorCodes.ConflictingKeys] = (400, "conflicting-keys", "Two different API keys."),
        [ErrorCodes.Forbidden] = (403, "forbidden", "This key may not do that."),
        [ErrorCodes.CannotInvite] = (403, "cannot-invite", "Only owners and admins can invite."),
        [ErrorCodes.WorkspaceNotFound] = (404, "workspace-not-found", "Workspace not found."),
        [ErrorCodes.TeamNotFound] = (400, "team-not-found", "Team not found."),
        [ErrorCodes.TeamExists] = (409, "team-exists", "Team already exists."),
        [ErrorCodes.MemberNotFound] = (404, "member-not-found", "Member not found."),
        [ErrorCodes.AlreadyMember] = (409, "already-member", "Already a member."),
        [ErrorCodes.RoleNotInvitable] = (400, "role-not-invitable", "Role can't be invited."),
        [ErrorCodes.InvitationNotFound] = (404, "not-found", "Not found."),
        [ErrorCodes.DuplicatePending] = (409, "duplicate-pending", "A pending invitation already exists."),
        [ErrorCodes.NotPending] = (409, "not-pending", "The invitation is not pending."),
        [ErrorCodes.Expired] = (410, "expired", "The invitation has expired."),
        [ErrorCodes.DailyLimit] = (429, "daily-limit", "Daily invitation limit reached."),
        [ErrorCodes.ResendTooSoon] = (429, "resend-too-soon", "Resent too recently."),
        [ErrorCodes.Concurrency] = (409, "concurrent-change", "Changed concurrently."),
    };

    public static ApiError Of(string code, string detail, TimeSpan? retryAfter = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var (status, kind, title) = Rules[code];
        return new ApiError(status, kind, title, detail, RetryAfter: retryAfter, Extensions: extensions);
    }

    /// <summary>For a response the framework ended without a body: no such route, a wrong method, a body that isn't JSON.</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        404 => new ApiError(404, "not-found", "Not found.", "There is nothing at this address."),
        405 => new ApiError(405, "method-not-allowed", "Method not allowed.", "This address does not take that HTTP method."),
        415 => new ApiError(415, "malformed", "The request is malformed.", NotJson),
        _ => new ApiError(status, "http-" + status, ReasonPhrases.GetReasonPhrase(status), ReasonPhrases.GetReasonPhrase(status)),
    };

    public static ApiError? From(Exception exception) => exception switch
    {
        DomainException e => Of(e.Code, e.Message, e.RetryAfter, e.Details.Count > 0 ? e.Details : null),
        ValidationException e => Validation(e),
        BadHttpRequestException e => BadRequest(e),
        _ when DatabaseOutage.Is(exception) => new ApiError(503, "unavailable", "The service is unavailable.",
            "The service can't reach its database right now; try again shortly.", RetryAfter: DatabaseOutage.RetryAfter),
        _ => null,
    };

    private static ApiError Validation(ValidationException e)
    {
        var errors = e.Errors
            .GroupBy(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var detail = string.Join(" ", errors.Values.SelectMany(m => m));
        return new ApiError(400, "validation", "The request is not valid.", detail, errors);
    }

    private static ApiError BadRequest(BadHttpRequestException e)
    {
        var detail = e switch
        {
            { StatusCode: 413 } => "The request body is too large.",
            { StatusCode: 415 } => NotJson,
            { InnerException: JsonException { Path: { Length: > 1 } path } } =>
                $"The field '{path.TrimStart('$', '.')}' has the wrong type, or the body is not valid JSON.",
            { InnerException: JsonException } => "The request body is not valid JSON.",
            _ when e.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => "A JSON request body is required.",
            _ => "The request is malformed.",
        };
        return new ApiError(e.StatusCode, e.StatusCode == 413 ? "too-large" : "malformed", "The request is malformed.", detail);
    }
}
