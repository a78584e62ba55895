using System.Security.Claims;
using System.Text.Encodings.Web;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Workspaces.AuthenticateApiKey;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Auth;

/// <summary>Workspace API keys, as <c>Authorization: Bearer</c> or <c>x-api-key</c>; the key's member becomes the caller.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (key, conflicting) = ReadKey(Request);
        if (conflicting)
        {
            return AuthenticateResult.Fail("Two different API keys.");
        }

        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var actor = key.Length > 200 ? null : await mediator.Send(new AuthenticateApiKeyQuery(key), Context.RequestAborted);
        if (actor is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var identity = new ClaimsIdentity(Caller.ToClaims(actor), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => (ReadKey(Request) switch
    {
        (_, Conflicting: true) => ApiError.ConflictingKeys("The Authorization and x-api-key headers carry different API keys; send one key."),
        (null, _) => ApiError.Unauthorized("An API key is required, as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."),
        _ => ApiError.Unauthorized("The API key is not valid."),
    }).ExecuteAsync(Context);

    /// <summary>A valid key on another workspace's route: both ids, so a typo in the path shows at once.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiError.Forbidden(Caller.WorkspaceOf(Context.User) is { } own && Context.GetRouteValue("workspaceId") is string path
            ? $"This API key belongs to workspace {own}, not {path}: check the workspace id in the path."
            : "This API key belongs to another workspace.").ExecuteAsync(Context);

    /// <summary>The key from either header; both may be sent only if they carry the same key.</summary>
    private static (string? Key, bool Conflicting) ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? NullIfEmpty(header["Bearer ".Length..]) : null;
        var apiKey = NullIfEmpty(request.Headers["x-api-key"].ToString());
        return bearer is not null && apiKey is not null && !string.Equals(bearer, apiKey, StringComparison.Ordinal)
            ? (null, true)
            : (bearer ?? apiKey, false);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
