using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Workspaces;
using Invitations.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Email.Outbox;

/// <summary>
/// A batch in flight, on two connections. The batch's own holds its invitations (<see cref="EmailHold"/>, until the batch
/// completes), so nothing about them changes while their emails go out. The recorder's writes each outcome within
/// <see cref="IEmailBatch.RecordWithin"/> and keeps extending the lease of what is still being worked on, committing as it
/// goes: the hold never waits for it, and a live sender's emails are never claimed again, however slow the server.
/// </summary>
internal sealed class EmailBatch : IEmailBatch
{
    private readonly EmailHold _hold;
    private readonly AsyncServiceScope _recorderScope;
    private readonly EmailRecorder _recorder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(OwedEmail Email, DeliveryOutcome Outcome)> _unrecorded = [];
    private readonly HashSet<OwedEmail> _unfinished;
    private readonly ITimer _timer;
    private Exception? _recordingFailed;
    private bool _done;

    private EmailBatch(EmailHold hold, AsyncServiceScope recorderScope, TimeSpan lease, IReadOnlyList<OwedEmail> emails)
    {
        (_hold, _recorderScope, Emails, _unfinished) = (hold, recorderScope, emails, [.. emails]);
        var services = recorderScope.ServiceProvider;
        _recorder = new EmailRecorder(services.GetRequiredService<InvitationsDbContext>(), services.GetRequiredService<TimeProvider>(), lease);
        _timer = TimeProvider.System.CreateTimer(_ => _ = RecordOnTimeAsync(), null, IEmailBatch.RecordWithin, IEmailBatch.RecordWithin);
    }

    public IReadOnlyList<OwedEmail> Emails { get; }

    public bool Holding { get; private set; } = true;

    public static async Task<EmailBatch> OpenAsync(
        InvitationsDbContext db, IWorkspaceDirectory workspaces, IServiceScopeFactory scopes, TimeSpan lease, IReadOnlyList<ClaimedEmail> claimed,
        CancellationToken cancellationToken)
    {
        var (hold, emails) = await EmailHold.TakeAsync(db, workspaces, claimed, cancellationToken);
        return new EmailBatch(hold, scopes.CreateAsyncScope(), lease, emails);
    }

    public bool MayBeSent(OwedEmail email, DateTimeOffset now) => email.Invitation.MayBeDelivered(email.Claim.Number, now);

    public async Task RecordAsync(OwedEmail email, DeliveryOutcome outcome) => await GatedAsync(() =>
    {
        _unrecorded.Add((email, outcome));
        _unfinished.Remove(email);
        return Task.CompletedTask;
    });

    public async Task CompleteAsync()
    {
        await _timer.DisposeAsync();
        await GatedAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            _unrecorded.AddRange(_unfinished.Select(email => (email, DeliveryOutcome.GivenBack(email.Claim, now))));
            await WriteOutcomesAsync([]);
            await _hold.EndAsync();
            _done = true;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _hold.DisposeAsync();
        await _recorderScope.DisposeAsync();
    }

    /// <summary>On the timer: what was sent since the last time, and a longer lease for what is still in flight.</summary>
    private async Task RecordOnTimeAsync()
    {
        if (!await _gate.WaitAsync(0))
        {
            return; // the last round is still recording
        }

        try
        {
            if (!_done && _recordingFailed is null && (_unrecorded.Count > 0 || _recorder.LeaseWantsExtending))
            {
                await WriteOutcomesAsync(_unfinished);
            }
        }
        catch (Exception e)
        {
            _recordingFailed = e; // the database is away: the batch fails at its next step, and its lease lapses
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Records what is unrecorded. Should that wait behind a lock, something needs a whole table and is queued behind this batch's
    /// hold: the hold lets go (the rest of the batch is not sent) and the recording then waits its turn.
    /// </summary>
    private async Task WriteOutcomesAsync(IReadOnlyCollection<OwedEmail> stillHeld)
    {
        try
        {
            await _recorder.RecordAsync(_unrecorded, stillHeld, waitForLocks: !Holding, CancellationToken.None);
        }
        catch (RecordingBlockedException)
        {
            await _hold.EndAsync();
            Holding = false;
            await _recorder.RecordAsync(_unrecorded, stillHeld, waitForLocks: true, CancellationToken.None);
        }

        _unrecorded.Clear();
    }

    private async Task GatedAsync(Func<Task> step)
    {
        await _gate.WaitAsync();
        try
        {
            if (_recordingFailed is { } failed)
            {
                throw new InvalidOperationException("Recording the batch's outcomes failed.", failed);
            }

            await step();
        }
        finally
        {
            _gate.Release();
        }
    }
}
