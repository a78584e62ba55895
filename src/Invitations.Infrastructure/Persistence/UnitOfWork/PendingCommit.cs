using Invitations.Domain.Common;

namespace Invitations.Infrastructure.Persistence.UnitOfWork;

/// <summary>
/// What the saves of one context owe once their transaction commits: the domain events (for wake-ups, metrics, logs) and
/// whether emails or webhook deliveries were written. Savepoints mark where a partial rollback cuts it back to.
/// </summary>
internal sealed class PendingCommit
{
    private readonly List<IDomainEvent> _events = [];
    private readonly Stack<(int Events, bool Emails, bool Webhooks)> _savepoints = new();
    private IReadOnlyList<object> _unsavedRows = [];
    private (bool Emails, bool Webhooks) _saving;

    public bool EmailsOwed { get; private set; }

    public bool WebhooksOwed { get; private set; }

    /// <summary>A save is about to write owed emails or webhook deliveries.</summary>
    public void Saving(bool emailsOwed, bool webhooksOwed) => _saving = (emailsOwed, webhooksOwed);

    /// <summary>That save succeeded: its events and what it wrote are owed from now on, and its rendered rows are written.</summary>
    public void Saved(IEnumerable<IDomainEvent> events)
    {
        _events.AddRange(events);
        EmailsOwed |= _saving.Emails;
        WebhooksOwed |= _saving.Webhooks;
        _saving = default;
        _unsavedRows = [];
    }

    /// <summary>Work done outside EF's saves (a raw statement) that owes wake-ups once committed.</summary>
    public void Owe(bool emails, bool webhooks)
    {
        EmailsOwed |= emails;
        WebhooksOwed |= webhooks;
    }

    /// <summary>Rows rendered for a save that has not succeeded yet: a failed save's are forgotten by the next attempt.</summary>
    public void RememberUnsavedRows(IReadOnlyList<object> rows) => _unsavedRows = rows;

    public void ForgetUnsavedRows(Microsoft.EntityFrameworkCore.DbContext db)
    {
        foreach (var row in _unsavedRows)
        {
            db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        _unsavedRows = [];
    }

    public void Savepoint() => _savepoints.Push((_events.Count, EmailsOwed, WebhooksOwed));

    public void ReleaseSavepoint() => _savepoints.TryPop(out _);

    public void RollBackToSavepoint()
    {
        if (_savepoints.TryPop(out var mark))
        {
            _events.RemoveRange(mark.Events, _events.Count - mark.Events);
            (EmailsOwed, WebhooksOwed) = (mark.Emails, mark.Webhooks);
        }
    }

    /// <summary>Hands over what is owed and starts empty.</summary>
    public (IReadOnlyList<IDomainEvent> Events, bool EmailsOwed, bool WebhooksOwed) Take()
    {
        var taken = (_events.ToList(), EmailsOwed, WebhooksOwed);
        Clear();
        return taken;
    }

    public void Clear()
    {
        _events.Clear();
        _savepoints.Clear();
        EmailsOwed = WebhooksOwed = false;
    }

    /// <summary>Forgets everything, rows rendered for an unsaved save included: the context is going back to its pool.</summary>
    public void Reset()
    {
        Clear();
        _saving = default;
        _unsavedRows = [];
    }
}
