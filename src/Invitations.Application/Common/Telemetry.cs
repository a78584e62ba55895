using System.Diagnostics;

namespace Invitations.Application.Common;

/// <summary>The service's own spans: one per dispatch batch, linked to the requests that owed its work.</summary>
public static class Telemetry
{
    public const string Name = "Invitations";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// A batch's span, begun when its claim began (so the claim's time is in it) and started only once the claim brought
    /// work: a poll that finds nothing leaves no trace. It is a root of its own, linked to each W3C traceparent given.
    /// </summary>
    public static Activity? StartBatch(string name, DateTimeOffset claimStarted, int claimed, IEnumerable<string?> traceParents)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = traceParents
            .Select(parent => ActivityContext.TryParse(parent, null, isRemote: true, out var context) ? context : default)
            .Where(context => context != default)
            .Distinct()
            .Select(context => new ActivityLink(context))
            .ToList();
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            return Source.StartActivity(
                name, ActivityKind.Internal, parentContext: default, [new("invitations.batch.claimed", claimed)], links, claimStarted);
        }
        finally
        {
            Activity.Current ??= previous;
        }
    }
}
