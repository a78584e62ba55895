using Invitations.Api.ErrorHandling;
using Microsoft.AspNetCore.Authorization;

namespace Invitations.Api.Auth;

/// <summary>An authorization failure that answers with its own error rather than a plain 403 (<see cref="RefusalResultHandler"/>).</summary>
internal sealed class Refusal(IAuthorizationHandler handler, ApiError error) : AuthorizationFailureReason(handler, error.Detail)
{
    public ApiError Error { get; } = error;
}
