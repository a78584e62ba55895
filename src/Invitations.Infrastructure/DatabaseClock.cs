namespace Invitations.Infrastructure;

/// <summary>
/// The system clock at PostgreSQL's precision (microseconds), so a time the service answers with right after a write
/// (a revoke's <c>revoked_at</c>, a webhook's <c>disabled_at</c>) is exactly the time every later read shows.
/// </summary>
internal sealed class DatabaseClock : TimeProvider
{
    public static readonly DatabaseClock Instance = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
