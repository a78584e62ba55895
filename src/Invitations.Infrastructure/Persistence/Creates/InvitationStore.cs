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
/// model and does every other write, but the hot path pays for neither change tracking nor SQL generation.
/// </summary>
internal sealed class InvitationStore(InvitationsDbContext db, AfterCommitInterceptor afterCommit) : IInvitationStore
{
    private const string Savepoint = "create_invitation";

    public async Task<InsertOutcome> InsertAsync(
        Invitation invitation, CreateAllowance allowance, ReadingVersion version, CancellationToken cancellationToken)
    {
        var delivery = invitation.NewestDelivery();
        var created = invitation.DomainEvents.OfType<InvitationCreated>().Single();
        var owed = InvitationWebhookEvents.Of(created, invitation, EmailState.Of(delivery), invitation.CreatedAt)!;
        var published = WebhookEvent.Create(invitation.WorkspaceId.Value, owed.Type, invitation.CreatedAt, e => WebhookPublisher.Render(e, owed.Data));
        var parameters = new SqlParameters();
        CreateParameters.Add(parameters, invitation, delivery, allowance, version, published, TraceParentOf(delivery));
        await using var batch = await PositionalBatch.Of<InvitationStore>("CreateInvitation").BatchAsync(db, parameters, cancellationToken);
        var outer = db.Database.CurrentTransaction;
        if (outer is not null)
        {
            await outer.CreateSavepointAsync(Savepoint, cancellationToken); // a refusal must leave the caller's transaction usable
        }

        try
        {
            var (outcome, eventPublished) = await ReadOutcomeAsync(batch, cancellationToken);
            if (outcome.Inserted)
            {
                afterCommit.Saved(db, invitation, emailsOwed: delivery?.Status == DeliveryStatus.Pending, webhooksOwed: eventPublished);
            }

            return outcome;
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

    private static async Task<(InsertOutcome Outcome, bool Published)> ReadOutcomeAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
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
        var refusal = reader.Get<string?>("refusal") switch
        {
            null => CreateRefusal.None,
            "stale" => CreateRefusal.StaleReading,
            "member" => CreateRefusal.Member,
            "opted-out" => CreateRefusal.OptedOut,
            var other => throw new InvalidOperationException($"CreateInvitation.sql answered an unknown refusal '{other}'."),
        };
        return (new InsertOutcome(reader.Get<bool>("inserted"), counted, seats, reader.Get<bool>("link_closed"), refusal), reader.Get<bool>("published"));
    }

    private static string? TraceParentOf(InvitationDelivery? delivery) =>
        delivery?.Status == DeliveryStatus.Pending && Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
}
