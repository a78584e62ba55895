using Invitations.Application.Authorization;

namespace Invitations.Api.Middleware;

/// <summary>
/// Metadata of a route whose requests may carry an idempotency key, with the rule a caller must pass before anything but a
/// fresh run of the request is answered (a replay, a mismatch, a key in use).
/// </summary>
internal sealed record IdempotentRoute(CallerRule Rule);
