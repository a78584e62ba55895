using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Authorization;
using Invitations.Application.Idempotency;
using MediatR;

namespace Invitations.Api.Middleware;

/// <summary>
/// The answers to a key that is not fresh: replayed, used for another request, or in use. Each goes only to a caller who
/// passes the route's rule now; anyone else gets the route's own refusal, as without the key (contract §9).
/// </summary>
internal static class UsedKeyAnswers
{
    public static async Task AnswerAsync(HttpContext http, IIdempotencyClaim claim, CallerRule rule)
    {
        var mediator = http.RequestServices.GetRequiredService<IMediator>();
        if (!await IdempotencyKeys.AnsweredWithoutErrorAsync(
                http, () => mediator.Send(new CheckCallerRuleQuery(http.Actor(), rule), http.RequestAborted)))
        {
            return;
        }

        switch (claim.State)
        {
            case IdempotencyState.InUse:
                await ApiError.IdempotencyKeyInUse().ExecuteAsync(http);
                break;
            case IdempotencyState.Mismatch:
                await ApiError.IdempotencyKeyMismatch().ExecuteAsync(http);
                break;
            case IdempotencyState.Replay:
                await ReplayAsync(http.Response, claim.Remembered!, http.RequestAborted);
                break;
            default:
                throw new InvalidOperationException($"A {claim.State} claim runs its request.");
        }
    }

    private static async Task ReplayAsync(HttpResponse response, RememberedResponse remembered, CancellationToken cancellationToken)
    {
        response.StatusCode = remembered.Status;
        response.ContentType = remembered.ContentType;
        if (remembered.Location is not null)
        {
            response.Headers.Location = remembered.Location;
        }

        response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        await response.Body.WriteAsync(remembered.Body, cancellationToken);
    }
}
