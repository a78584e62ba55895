using MediatR;

namespace Invitations.Application.Webhooks.PurgeWebhookHistory;

/// <summary>Deletes events (and their deliveries) older than the retention that nobody still owes; returns how many events went.</summary>
public sealed record PurgeWebhookHistoryCommand : IRequest<int>
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public int BatchSize { get; init; } = 5000;
}
