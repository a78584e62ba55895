using System.Globalization;
using Invitations.Api.Auth;
using Invitations.Api.Endpoints;
using Invitations.Api.ErrorHandling;
using Invitations.Api.Middleware;
using Invitations.Api.Observability;
using Invitations.Api.OpenApi;
using Invitations.Application;
using Invitations.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Invitations.Api;

/// <summary>The composition root, shared by the web host and the command-line verbs.</summary>
public static class InvitationsApi
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The host's locale decides nothing: what the API writes is the same everywhere, and only the invitee's email and page
        // choose a language of their own (contract §11), each explicitly.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        var builder = WebApplication.CreateBuilder(args);

        // Every line carries the trace it was written in (a scope; the JSON formatter writes them as fields).
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var services = builder.Services;
        services.AddInvitationsTelemetry(builder.Configuration);
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration);
        services.AddInvitationsAuth();

        // Hangfire's dashboard checks the antiforgery token of its posts (trigger, requeue, delete) only when these services
        // exist; without them a page elsewhere could make a browser that holds the operator's Basic credentials post them.
        services.AddAntiforgery();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddInvitationsOpenApi();
        services.AddInvitationsJson();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = BodySizeLimit.MaxBytes);
        services.AddInvitationsRateLimits();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();

        // Before anything touches the database (mapping the dashboard prepares Hangfire's schema): a setting out of range
        // stops the service here, naming its key.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => ApiError.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.UseRouting();
        // After routing, so that a refusal answers in the shape of the route the request is for.
        app.UseBodySizeLimit();
        app.UseCharsetGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseIdempotencyKeys();

        app.MapInvitationsRoutes();
        return app;
    }
}
