using System.Security.Cryptography;
using System.Text;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Idempotency;
using Microsoft.AspNetCore.Diagnostics;

namespace Invitations.Api.Middleware;

/// <summary>
/// <c>Idempotency-Key</c> on the write routes marked <see cref="Idempotent"/> (contract §9, after the IETF httpapi draft and
/// Stripe). The request runs inside the key's transaction (<see cref="IIdempotencyStore"/>) with its response held back; the
/// response is sent only once the key and the effect have committed together, so a client that saw it can rely on a replay.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>Marks a route whose requests may carry an idempotency key.</summary>
    public static TBuilder Idempotent<TBuilder>(this TBuilder route)
        where TBuilder : IEndpointConventionBuilder => route.WithMetadata(IdempotentRoute.Instance);

    public static bool IsIdempotent(IEnumerable<object> endpointMetadata) => endpointMetadata.OfType<IdempotentRoute>().Any();

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(InvokeAsync);

    /// <summary>1 to 255 visible ASCII characters, <c>!</c> to <c>~</c>.</summary>
    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// Success and the rules' decisions (a conflict, an expired invitation, a limit) are remembered; a client's mistake
    /// (fixed and sent again with the same key) and the service's own failures are not.
    /// </summary>
    private static bool IsRemembered(int status) => status is >= 200 and < 300 or 409 or 410 or 429;

    private static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentRoute>() is null || !http.Request.Headers.TryGetValue(Header, out var values))
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
        switch (claim.State)
        {
            case IdempotencyState.InUse:
                await ApiError.IdempotencyKeyInUse().ExecuteAsync(http);
                return;
            case IdempotencyState.Mismatch:
                await ApiError.IdempotencyKeyMismatch().ExecuteAsync(http);
                return;
            case IdempotencyState.Replay:
                await ReplayAsync(http.Response, claim.Remembered!, cancellationToken);
                return;
        }

        var response = http.Response;
        var sendTo = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await RunAsync(http, next);
        }
        finally
        {
            response.Body = sendTo;
        }

        if (IsRemembered(response.StatusCode))
        {
            await claim.RememberAsync(
                new RememberedResponse(response.StatusCode, response.Headers.Location, response.ContentType, held.ToArray()),
                cancellationToken);
        }

        held.Position = 0;
        await held.CopyToAsync(sendTo, cancellationToken);
    }

    /// <summary>Runs the endpoint; an exception becomes its response here, where the status decides what is remembered.</summary>
    private static async Task RunAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Clear();
            await http.RequestServices.GetRequiredService<IExceptionHandler>().TryHandleAsync(http, e, http.RequestAborted);
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

        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(remembered.Body, cancellationToken);
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

    private sealed class IdempotentRoute
    {
        public static readonly IdempotentRoute Instance = new();
    }
}
