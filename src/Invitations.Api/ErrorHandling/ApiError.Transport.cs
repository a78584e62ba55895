using Microsoft.AspNetCore.WebUtilities;

namespace Invitations.Api.ErrorHandling;

/// <summary>The transport's errors, not any rule's: who is calling, what arrived, whether the service can answer.</summary>
internal sealed partial record ApiError
{
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
}
