namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// What a create may use of its workspace's daily limit, checked by <see cref="IInvitationStore"/> inside the insert's own
/// transaction, so that no number of concurrent creates on any number of nodes passes the limit. Exact (no
/// <see cref="Counted"/>): the window is counted while the workspace's other creates wait. Estimated: an earlier count plus
/// every create anywhere since (the create counter) plus the creates that may have been in flight then must stay within it;
/// cheap, and used while the workspace is far from its limit and has no seat limit. Counting exactly also checks the seats
/// (contract §12) under the same lock.
/// </summary>
public sealed record CreateAllowance(int Limit, DateTimeOffset Since, CreatesCounted? Counted)
{
    public bool IsExact => Counted is null;
}

/// <param name="Count">The workspace's creates in the window when counted.</param>
/// <param name="CounterValue">The create counter (creates in all workspaces, ever) at that moment.</param>
/// <param name="Slack">How many creates may have been in flight then, uncounted: the database's connection limit.</param>
public sealed record CreatesCounted(int Count, long CounterValue, int Slack);

/// <param name="Inserted">False: the allowance (or a free seat) was missing, or <paramref name="Refusal"/> names what was in the
/// way, and nothing was written.</param>
/// <param name="Counted">An exact insert's fresh count (its own row included), for later estimates.</param>
/// <param name="Seats">An exact insert's seats as counted before it, when the workspace has a seat limit.</param>
/// <param name="LinkClosed">The limits allowed it, but its join link no longer admits anyone (contract §13): nothing was written.</param>
/// <param name="Refusal">What the write found in the way before it looked at the limits (nothing was counted or written).</param>
public sealed record InsertOutcome(
    bool Inserted, CreatesCounted? Counted, Workspaces.Seats.SeatCount? Seats = null, bool LinkClosed = false, CreateRefusal Refusal = CreateRefusal.None);

/// <summary>What a create's write refuses before its limits, checked in the statement that inserts.</summary>
public enum CreateRefusal
{
    None,

    /// <summary>The workspace or the team has changed (or is gone) since the reading the create was decided on.</summary>
    StaleReading,

    /// <summary>The address belongs to a member of the workspace.</summary>
    Member,

    /// <summary>The address asked this workspace not to invite it again.</summary>
    OptedOut,
}
