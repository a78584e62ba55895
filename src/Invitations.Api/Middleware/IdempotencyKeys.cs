using System.Security.Cryptography;
using System.Text;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Authorization;
using Invitations.Application.Idempotency;
using Microsoft.AspNetCore.Diagnostics;

namespace Invitations.Api.Middleware;

/// <summary>
/// <c>Idempotency-Key</c> on the write routes marked <see cref="Idempotent"/> (contract §9, after the IETF httpapi draft and
/// Stripe). The request runs inside the key's transaction (<see cref="IIdempotencyStore"/>) with its response held back; the
/// response is sent only once the key and the effect have committed together, so a client that saw it can rely on a replay.
/// Anything but a fresh run answers only a caller who passes the route's <see cref="CallerRule"/> (a fresh run meets the
/// rule in its handler): a key must never hand a remembered secret or accept link to a caller who may not make the request.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>Marks a route whose requests may carry an idempotency key; <paramref name="rule"/> is who may make them.</summary>
    public static TBuilder Idempotent<TBuilder>(this TBuilder route, CallerRule rule)
        where TBuilder : IEndpointConventionBuilder => route.WithMetadata(new IdempotentRoute(rule));

    public static bool IsIdempotent(IEnumerable<object> endpointMetadata) => endpointMetadata.OfType<IdempotentRoute>().Any();

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(InvokeAsync);

    /// <summary>1 to 255 visible ASCII characters, <c>!</c> to <c>~</c>.</summary>
    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// Success and the rules' decisions (a conflict, an expired invitation, a limit) are remembered; a client's mistake
    /// (fixed and sent again with the same key), a transient conflict a retry resolves, and the service's own failures are not.
    /// </summary>
    private static bool IsRemembered(HttpContext http) => http.Response.StatusCode switch
    {
        >= 200 and < 300 => true,
        409 or 410 or 429 => http.Features.Get<ApiError>() is not { Transient: true },
        _ => false,
    };

    private static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentRoute>() is not { } route || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }

        if (values.Count != 1 || !IsValid(values[0]))
        {
            await ApiError.InvalidIdempotencyKey().ExecuteAsync(http);
            return;
        }

        var cancellationToken = http.RequestAborted;
        var hash = await HashRequestAsync(http.Request, cancellationToken);
        var store = http.RequestServices.GetRequiredService<IIdempotencyStore>();
        await using var claim = await store.ClaimAsync(http.Actor().WorkspaceId, values[0]!, hash, cancellationToken);
        if (claim.State != IdempotencyState.Fresh)
        {
            await UsedKeyAnswers.AnswerAsync(http, claim, route.Rule);
            return;
        }

        var response = http.Response;
        var sendTo = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await AnsweredWithoutErrorAsync(http, () => next(http));
        }
        finally
        {
            response.Body = sendTo;
        }

        if (IsRemembered(http))
        {
            await claim.RememberAsync(
                new RememberedResponse(response.StatusCode, response.Headers.Location, response.ContentType, held.ToArray()),
                cancellationToken);
        }

        held.Position = 0;
        await held.CopyToAsync(sendTo, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/>; an exception becomes the route's error response here (where its status decides what is
    /// remembered) and the answer is false.
    /// </summary>
    public static async Task<bool> AnsweredWithoutErrorAsync(HttpContext http, Func<Task> work)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Clear();
            await http.RequestServices.GetRequiredService<IExceptionHandler>().TryHandleAsync(http, e, http.RequestAborted);
            return false;
        }
    }

    /// <summary>The request as the key is bound to it: method, path with query, and body (which stays readable for the endpoint).</summary>
    private static async Task<byte[]> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        request.Body = body;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        sha.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return sha.GetHashAndReset();
    }
}
