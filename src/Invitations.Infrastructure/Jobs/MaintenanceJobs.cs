using System.ComponentModel;
using Hangfire;
using Invitations.Application.Idempotency.PurgeIdempotencyKeys;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Application.Webhooks.PurgeWebhookHistory;
using MediatR;

namespace Invitations.Infrastructure.Jobs;

public sealed class MaintenanceJobs(IMediator mediator)
{
    public const string ExpireId = "expire-invitations";
    public const string PurgeWebhookHistoryId = "purge-webhook-history";
    public const string PurgeIdempotencyKeysId = "purge-idempotency-keys";

    /// <summary>Hourly, at a minute no other job uses: keys are kept a day by default, so an hour's overstay is small.</summary>
    public const string PurgeIdempotencyKeysCron = "41 * * * *";

    /// <summary>Daily at 03:17 UTC, away from the hour marks other jobs crowd.</summary>
    public const string PurgeWebhookHistoryCron = "17 3 * * *";

    [DisplayName("Expire overdue invitations")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next occurrence is the retry
    public Task<int> ExpireAsync(CancellationToken cancellationToken) => mediator.Send(new ExpireOverdueInvitationsCommand(), cancellationToken);

    [DisplayName("Purge webhook events older than 30 days")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next occurrence is the retry
    public Task<int> PurgeWebhookHistoryAsync(CancellationToken cancellationToken) =>
        mediator.Send(new PurgeWebhookHistoryCommand(), cancellationToken);

    [DisplayName("Purge expired idempotency keys")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next occurrence is the retry
    public Task<int> PurgeIdempotencyKeysAsync(CancellationToken cancellationToken) =>
        mediator.Send(new PurgeIdempotencyKeysCommand(), cancellationToken);
}
