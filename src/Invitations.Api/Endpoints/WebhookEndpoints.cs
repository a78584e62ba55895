using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Api.Middleware;
using Invitations.Application.Authorization;
using Invitations.Application.Webhooks;
using Invitations.Application.Webhooks.CreateWebhook;
using Invitations.Application.Webhooks.DeleteWebhook;
using Invitations.Application.Webhooks.GetWebhook;
using Invitations.Application.Webhooks.ListWebhookDeliveries;
using Invitations.Application.Webhooks.ListWebhooks;
using Invitations.Application.Webhooks.RetryWebhookDelivery;
using Invitations.Application.Webhooks.RotateWebhookSecret;
using Invitations.Application.Webhooks.TestWebhook;
using Invitations.Application.Webhooks.UpdateWebhook;
using Invitations.Domain.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/v1/workspaces/{workspaceId:guid}/webhooks")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Webhooks")
            .ProducesProblems(400, 401, 403, 404, 503);

        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook").Idempotent(CallerRule.MayManageWebhooks)
            .WithSummary("Register an endpoint for signed invitation events; the signing secret is shown only here");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The workspace's endpoints (never their secrets)");
        webhooks.MapGet("/{webhookId:guid}", GetAsync).WithName("GetWebhook")
            .WithSummary("One endpoint; a disabled one says when and why");
        webhooks.MapPatch("/{webhookId:guid}", UpdateAsync).WithName("UpdateWebhook").WithSummary("Change the URL, the events, or enable and disable");
        webhooks.MapDelete("/{webhookId:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Remove an endpoint and what it is owed");
        webhooks.MapPost("/{webhookId:guid}/rotate-secret", RotateSecretAsync).WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret; the old one keeps signing beside it for 24 hours");
        webhooks.MapPost("/{webhookId:guid}/test", TestAsync).WithName("TestWebhook").WithSummary("Send a ping event");
        webhooks.MapGet("/{webhookId:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Deliveries with their attempts, newest first");
        webhooks.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/retry", RetryAsync).WithName("RetryWebhookDelivery")
            .WithSummary("Send a delivery again now (409 while the endpoint is disabled)").ProducesProblem(409);
        return app;
    }

    private static async Task<Created<WebhookResponse>> CreateAsync(
        Guid workspaceId, CreateWebhookRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var webhook = await mediator.Send(new CreateWebhookCommand(http.Actor(), body.Url, body.Events, body.Description), cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/webhooks/{webhook.Id}", webhook);
    }

    private static async Task<Ok<ItemsResponse<WebhookResponse>>> ListAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<WebhookResponse>(await mediator.Send(new ListWebhooksQuery(http.Actor()), cancellationToken)));

    private static async Task<Ok<WebhookResponse>> GetAsync(Guid webhookId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookQuery(http.Actor(), new WebhookEndpointId(webhookId)), cancellationToken));

    private static async Task<Ok<WebhookResponse>> UpdateAsync(
        Guid webhookId, UpdateWebhookRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new UpdateWebhookCommand(http.Actor(), new WebhookEndpointId(webhookId), body.Url, body.Events, body.Enabled), cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid webhookId, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookCommand(http.Actor(), new WebhookEndpointId(webhookId)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<WebhookResponse>> RotateSecretAsync(
        Guid workspaceId, Guid webhookId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created(
            $"/v1/workspaces/{workspaceId}/webhooks/{webhookId}",
            await mediator.Send(new RotateWebhookSecretCommand(http.Actor(), new WebhookEndpointId(webhookId)), cancellationToken));

    private static async Task<Accepted<TestWebhookResponse>> TestAsync(
        Guid workspaceId, Guid webhookId, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var eventId = await mediator.Send(new TestWebhookCommand(http.Actor(), new WebhookEndpointId(webhookId)), cancellationToken);
        return TypedResults.Accepted($"/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries", new TestWebhookResponse(eventId));
    }

    private static async Task<Ok<WebhookDeliveryPage>> DeliveriesAsync(
        Guid webhookId, string? status, string? cursor, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new ListWebhookDeliveriesQuery(http.Actor(), new WebhookEndpointId(webhookId), status, cursor), cancellationToken));

    private static async Task<Accepted> RetryAsync(
        Guid workspaceId, Guid webhookId, Guid deliveryId, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RetryWebhookDeliveryCommand(http.Actor(), new WebhookEndpointId(webhookId), deliveryId), cancellationToken);
        return TypedResults.Accepted($"/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries");
    }
}
