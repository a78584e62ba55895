using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Invitations.Api.ErrorHandling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Auth;

/// <summary>
/// The operator secret (<c>Operator:ApiKey</c>): <c>x-operator-key</c> on routes, HTTP Basic as user <c>operator</c> on the
/// dashboard. With no secret configured nothing authenticates and every operator request answers 403.
/// </summary>
internal sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";
    public const string BasicUser = "operator";

    private string? Secret => configuration["Operator:ApiKey"] is { Length: > 0 } secret ? secret : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedSecret();
        if (Secret is null || presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Secret)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong operator key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, BasicUser)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Secret is null)
        {
            return HandleForbiddenAsync(properties);
        }

        if (IsDashboard)
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"Invitations operators\", charset=\"UTF-8\"";
        }

        return ApiError.Unauthorized(IsDashboard ? "Sign in as 'operator' with the operator key." : "The x-operator-key header is missing or wrong.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiError.Forbidden(Secret is null ? "Operator access is off: Operator:ApiKey is not configured." : "Operator access only.")
            .ExecuteAsync(Context);

    private bool IsDashboard => Request.Path.StartsWithSegments("/hangfire");

    private string? PresentedSecret()
    {
        if (Request.Headers["x-operator-key"].ToString() is { Length: > 0 } key)
        {
            return key;
        }

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':', 2);
            return pair is [BasicUser, var password] ? password : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
