using Hangfire;
using Hangfire.Dashboard;
using Invitations.Api.Auth;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Invitations.Api.Endpoints;

internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();

        // The page (at /docs/) names its document relatively, "openapi/v1.json": Scalar's script resolves that to the root,
        // anything else that reads the page (a proxy, a crawler, an older script) to /docs/openapi/v1.json. Both answer.
        app.MapOpenApi("/docs/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("Invitations API"));

        // The policy is the only gate: no local-requests exception, not even in development.
        app.MapHangfireDashboardWithAuthorizationPolicy(AuthSetup.OperatorPolicy, "/hangfire", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "Invitations jobs",
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
