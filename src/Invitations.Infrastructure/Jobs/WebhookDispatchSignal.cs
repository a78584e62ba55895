namespace Invitations.Infrastructure.Jobs;

/// <summary>Owed webhook deliveries: wakes the <c>webhooks</c> dispatch.</summary>
public sealed class WebhookDispatchSignal : DispatchSignal;
