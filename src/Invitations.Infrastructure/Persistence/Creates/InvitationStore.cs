using System.Diagnostics;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Webhooks.Events;
using Invitations.Application.Workspaces.Seats;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Invitations.Events;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>
/// The create's write as one prepared statement batch (CreateInvitation.sql) on the unit of work's connection: EF Core stays the
/// model and does every other write, but the hot path pays for neither change tracking nor SQL generation. Its
/// <c>invitation.created</c> event is rendered only for a workspace this node last saw with a subscriber (<see cref="UnheardWorkspaces"/>);
/// the write refuses a create without its event that an endpoint subscribes to, and it is written again with it.
/// </summary>
internal sealed class InvitationStore(InvitationsDbContext db, AfterCommitInterceptor afterCommit, UnheardWorkspaces unheard) : IInvitationStore
{
    private const string Savepoint = "create_invitation";

    public async Task<InsertOutcome> InsertAsync(
        Invitation invitation, CreateAllowance allowance, ReadingVersion version, CancellationToken cancellationToken)
    {
        var announced = !unheard.IsUnheard(invitation.WorkspaceId);
        var written = await WriteAsync(invitation, allowance, version, announced, cancellationToken);
        if (written.Unannounced)
        {
            written = await WriteAsync(invitation, allowance, version, announced: true, cancellationToken);
        }

        unheard.Found(invitation.WorkspaceId, written.Heard);
        return written.Outcome;
    }

    private async Task<Written> WriteAsync(
        Invitation invitation, CreateAllowance allowance, ReadingVersion version, bool announced, CancellationToken cancellationToken)
    {
        var delivery = invitation.NewestDelivery();
        var parameters = new SqlParameters();
        CreateParameters.Add(parameters, invitation, delivery, allowance, version, announced ? Announcement(invitation, delivery) : null, TraceParentOf(delivery));
        await using var batch = await PositionalBatch.Of<InvitationStore>("CreateInvitation").BatchAsync(db, parameters, cancellationToken);
        var outer = db.Database.CurrentTransaction;
        if (outer is not null)
        {
            await outer.CreateSavepointAsync(Savepoint, cancellationToken); // a refusal must leave the caller's transaction usable
        }

        try
        {
            var written = await ReadOutcomeAsync(batch, cancellationToken);
            if (written.Outcome.Inserted)
            {
                afterCommit.Saved(db, invitation, emailsOwed: delivery?.Status == DeliveryStatus.Pending, webhooksOwed: written.Heard);
            }

            return written;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && UniqueViolations.Translate(e.ConstraintName) is { } rule)
        {
            if (outer is not null)
            {
                await outer.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }

            throw rule;
        }
    }

    /// <summary>The <c>invitation.created</c> event, rendered as GET shows the invitation.</summary>
    private static WebhookEvent Announcement(Invitation invitation, InvitationDelivery? delivery)
    {
        var created = invitation.DomainEvents.OfType<InvitationCreated>().Single();
        var owed = InvitationWebhookEvents.Of(created, invitation, EmailState.Of(delivery), invitation.CreatedAt)!;
        return WebhookEvent.Create(invitation.WorkspaceId.Value, owed.Type, invitation.CreatedAt, e => WebhookPublisher.Render(e, owed.Data));
    }

    public async Task<int> LockForCreatesAsync(
        WorkspaceId workspaceId, DateTimeOffset since, int limit, int creating, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(SqlText.Of<InvitationStore>("LockForCreates"), cancellationToken);
        command.Parameters.AddWithValue("lock_class", CreateLock.Class);
        command.Parameters.AddWithValue("lock_key", CreateLock.KeyOf(workspaceId));
        command.Parameters.AddWithValue("creating", creating);
        command.Parameters.AddWithValue("workspace_id", workspaceId.Value);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.SkipToResultWithAsync("used", cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.Get<int>("used");
    }

    private static async Task<Written> ReadOutcomeAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.SkipToResultWithAsync("inserted", cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var counted = reader.Get<long?>("counted") is { } count
            ? new CreatesCounted((int)count, reader.Get<long>("counted_at"), reader.Get<int>("slack"))
            : null;
        var seats = reader.Get<int?>("members") is { } members
            ? new SeatCount(reader.Get<int?>("seat_limit"), members, reader.Get<int>("pending"))
            : null;
        var reason = reader.Get<string?>("refusal");
        var refusal = reason switch
        {
            null or "unannounced" => CreateRefusal.None,
            "stale" => CreateRefusal.StaleReading,
            "member" => CreateRefusal.Member,
            "opted-out" => CreateRefusal.OptedOut,
            var other => throw new InvalidOperationException($"CreateInvitation.sql answered an unknown refusal '{other}'."),
        };
        var outcome = new InsertOutcome(reader.Get<bool>("inserted"), counted, seats, reader.Get<bool>("link_closed"), refusal);
        return new Written(outcome, reader.Get<bool>("heard"), Unannounced: reason == "unannounced");
    }

    private static string? TraceParentOf(InvitationDelivery? delivery) =>
        delivery?.Status == DeliveryStatus.Pending && Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <param name="Heard">An endpoint subscribes to the workspace's <c>invitation.created</c>: an inserted invitation's event was
    /// written with it (a create without its event is refused while one subscribes).</param>
    /// <param name="Unannounced">Written without its event while an endpoint subscribes: nothing was written.</param>
    private sealed record Written(InsertOutcome Outcome, bool Heard, bool Unannounced);
}
