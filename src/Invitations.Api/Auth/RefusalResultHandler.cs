using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Invitations.Api.Auth;

/// <summary>Answers a failed policy with the error of its <see cref="Refusal"/>, if it has one; everything else as usual.</summary>
internal sealed class RefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler usual = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<Refusal>().FirstOrDefault() is { } refusal
            ? refusal.Error.ExecuteAsync(context)
            : usual.HandleAsync(next, context, policy, authorizeResult);
}
