using MediatR;

namespace Invitations.Application.Webhooks.DispatchWebhooks;

/// <summary>Sends every due webhook delivery, a claimed batch at a time.</summary>
public sealed record DispatchWebhooksCommand : IRequest<WebhookDispatchReport>
{
    public int BatchSize { get; init; } = 100;

    /// <summary>Deliveries one endpoint may have in one batch; the rest of the batch goes to other endpoints.</summary>
    public int PerEndpoint { get; init; } = 32;

    /// <summary>Requests in flight to one endpoint at a time, from this dispatcher.</summary>
    public int PerEndpointConcurrency { get; init; } = 8;

    /// <summary>Whether the report says when the next delivery falls due (one more query; the job asks when it ends).</summary>
    public bool ReportNextDue { get; init; } = true;
}
