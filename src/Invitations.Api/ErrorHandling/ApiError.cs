using Invitations.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Invitations.Api.ErrorHandling;

/// <summary>
/// An error as a client receives it. <see cref="Code"/> is its one name: the problem type is <see cref="TypePrefix"/> and the
/// code. As a result it answers in the error shape of the route it is for (<see cref="ErrorShape"/>).
/// </summary>
internal sealed record ApiError(int Status, string Code, string Title, string Detail) : IResult
{
    public const string TypePrefix = "urn:invitations:problem:";

    public static readonly ApiError Unavailable = new(503, "unavailable", "The service is unavailable.",
        "The service can't reach its database right now; try again shortly.") { RetryAfter = TimeSpan.FromSeconds(5) };

    public static readonly ApiError Internal = new(500, "internal", "Something went wrong on our side.",
        "Something went wrong on our side; it has been logged.");

    private static readonly Dictionary<string, (int Status, string Title)> Rules = new()
    {
        [ErrorCodes.InvalidEmail] = (400, "The request is not valid."),
        [ErrorCodes.InvalidLifetime] = (400, "The request is not valid."),
        [ErrorCodes.CannotInvite] = (403, "Only owners and admins can invite."),
        [ErrorCodes.RoleMayNotInvite] = (403, "This role may not be invited by this member."),
        [ErrorCodes.EmailDomainNotAllowed] = (403, "This address's domain is not allowed."),
        [ErrorCodes.SeatLimitReached] = (409, "No seat is free."),
        [ErrorCodes.InvalidSeatLimit] = (400, "The request is not valid."),
        [ErrorCodes.InvalidPolicy] = (400, "The request is not valid."),
        [ErrorCodes.CannotManagePolicy] = (403, "Only owners and admins can manage the invitation policy."),
        [ErrorCodes.WorkspaceNotFound] = (404, "Workspace not found."),
        [ErrorCodes.TeamNotFound] = (400, "Team not found."),
        [ErrorCodes.TeamExists] = (409, "Team already exists."),
        [ErrorCodes.MemberNotFound] = (404, "Member not found."),
        [ErrorCodes.AlreadyMember] = (409, "Already a member."),
        [ErrorCodes.RoleNotInvitable] = (400, "Role can't be invited."),
        [ErrorCodes.InvitationNotFound] = (404, "Not found."),
        [ErrorCodes.DuplicatePending] = (409, "A pending invitation already exists."),
        [ErrorCodes.DuplicateInRequest] = (409, "The address is on an earlier row."),
        [ErrorCodes.NotPending] = (409, "The invitation is not pending."),
        [ErrorCodes.Expired] = (410, "The invitation has expired."),
        [ErrorCodes.DailyLimit] = (429, "Daily invitation limit reached."),
        [ErrorCodes.ResendTooSoon] = (429, "Resent too recently."),
        [ErrorCodes.Concurrency] = (409, "Changed concurrently."),
        [ErrorCodes.InviteeOptedOut] = (409, "The invitee opted out."),
        [ErrorCodes.OptOutNotFound] = (404, "Opt-out not found."),
        [ErrorCodes.InvalidMetadata] = (400, "The request is not valid."),
        [ErrorCodes.WebhookNotFound] = (404, "Webhook not found."),
        [ErrorCodes.WebhookDeliveryNotFound] = (404, "Webhook delivery not found."),
        [ErrorCodes.WebhookUrlRefused] = (400, "Webhook URL refused."),
        [ErrorCodes.WebhookDisabled] = (409, "The webhook is disabled."),
        [ErrorCodes.CannotManageWebhooks] = (403, "Only owners and admins can manage webhooks."),
        [ErrorCodes.JoinLinkNotFound] = (404, "Join link not found."),
        [ErrorCodes.JoinLinkClosed] = (410, "The join link no longer admits anyone."),
        [ErrorCodes.CannotManageJoinLinks] = (403, "Only owners and admins can manage join links."),
    };

    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Members added to the problem details: facts a client can act on, under their wire names.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A conflict of the moment (a concurrent change, a key in use) that the same request may not meet again.</summary>
    public bool Transient { get; init; }

    public string Type => TypePrefix + Code;

    /// <summary>A broken domain rule: its code decides the status and the title.</summary>
    public static ApiError ForRule(string code, string detail)
    {
        var (status, title) = Rules[code];
        return new ApiError(status, code, title, detail) { Transient = code == ErrorCodes.Concurrency };
    }

    // The rest are the transport's, not any rule's: who is calling, what arrived, whether the service can answer.
    public static ApiError Validation(string detail, IDictionary<string, string[]>? errors = null) =>
        new(400, "validation", "The request is not valid.", detail) { Errors = errors };

    public static ApiError Malformed(string detail, int status = 400) => new(status, "malformed", "The request is malformed.", detail);

    public static ApiError UnknownField(string detail, IDictionary<string, string[]> errors) =>
        new(400, "unknown-field", "The request has a field this route does not take.", detail) { Errors = errors };

    public static ApiError NotJson() => Malformed("Send the body as JSON with Content-Type: application/json.", 415);

    public static ApiError TooLarge(string detail) => new(413, "too-large", "The request is too large.", detail);

    public static ApiError Unauthorized(string detail) => new(401, "unauthorized", "Authentication is required.", detail);

    public static ApiError ConflictingKeys(string detail) => new(400, "conflicting-keys", "Two different API keys.", detail);

    public static ApiError Forbidden(string detail) => new(403, "forbidden", "This key may not do that.", detail);

    public static ApiError RateLimited(TimeSpan retryAfter) =>
        new(429, "rate-limited", "Too many requests.", "Too many requests from this address; try again shortly.") { RetryAfter = retryAfter };

    public static ApiError InvalidIdempotencyKey() => new(400, "invalid-idempotency-key", "The Idempotency-Key header is not valid.",
        "Idempotency-Key must be one value of 1 to 255 visible ASCII characters ('!' to '~'), without spaces.");

    public static ApiError IdempotencyKeyMismatch() => new(422, "idempotency-key-mismatch", "The idempotency key was used for another request.",
        "This Idempotency-Key was already used for a request with a different method, path or body; use a new key for a new request.");

    public static ApiError IdempotencyKeyInUse() => new(409, "idempotency-key-in-use", "A request with this idempotency key is in progress.",
        "A request with this Idempotency-Key is still being processed; retry after it completes.")
    {
        RetryAfter = TimeSpan.FromSeconds(1),
        Transient = true,
    };

    /// <summary>For a response the framework ended without a body: no such route, a wrong method, a body that isn't JSON.</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        404 => new(404, "not-found", "Not found.", "There is nothing at this address."),
        405 => new(405, "method-not-allowed", "Method not allowed.", "This address does not take that HTTP method."),
        415 => NotJson(),
        _ => new(status, "http-" + status, ReasonPhrases.GetReasonPhrase(status), ReasonPhrases.GetReasonPhrase(status)),
    };

    public Task ExecuteAsync(HttpContext httpContext) => ErrorShape.WriteAsync(httpContext, this);

    /// <summary>As RFC 9457 problem details; a <see cref="ValidationProblemDetails"/> when there are field errors.</summary>
    public ProblemDetails ToProblem(string? instance)
    {
        var problem = Errors is null ? new ProblemDetails() : new ValidationProblemDetails(Errors);
        problem.Type = Type;
        problem.Title = Title;
        problem.Status = Status;
        problem.Detail = Detail;
        problem.Instance = instance;
        foreach (var (key, value) in Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
