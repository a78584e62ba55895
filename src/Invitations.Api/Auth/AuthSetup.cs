using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Invitations.Api.Auth;

internal static class AuthSetup
{
    /// <summary>A workspace key whose workspace is the one in the route.</summary>
    public const string WorkspacePolicy = "workspace";

    /// <summary>Any valid workspace key; the key decides the workspace (the invite-teammate route).</summary>
    public const string ApiKeyPolicy = "api-key";

    /// <summary>A workspace key, with <c>x-workspace-id</c> repeating the route's workspace (the workspace-invite route).</summary>
    public const string WorkspaceHeaderPolicy = "workspace-header";

    public const string OperatorPolicy = "operator";

    public static IServiceCollection AddInvitationsAuth(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(WorkspacePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(SameWorkspaceAsRoute))
            .AddPolicy(WorkspaceHeaderPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new WorkspaceHeaderRequirement()))
            .AddPolicy(OperatorPolicy, policy => policy
                .AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }

    private static bool SameWorkspaceAsRoute(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && http.GetRouteValue("workspaceId") is string routeWorkspace
        && string.Equals(routeWorkspace, Caller.WorkspaceOf(context.User), StringComparison.OrdinalIgnoreCase);
}
