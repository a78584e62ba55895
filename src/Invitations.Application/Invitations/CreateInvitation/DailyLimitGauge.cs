using System.Collections.Concurrent;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// This node's last exact count of each workspace's creates (<see cref="CreatesCounted"/>), from which later creates estimate
/// their allowance without counting again. An estimate only ever overstates, so a stale one costs an exact count, never the
/// limit. Bounded: past <see cref="Remembered"/> workspaces it starts over.
/// </summary>
public sealed class DailyLimitGauge
{
    private const int Remembered = 10_000;
    private readonly ConcurrentDictionary<WorkspaceId, CreatesCounted> _counts = new();

    public CreatesCounted? Last(WorkspaceId workspaceId) => _counts.GetValueOrDefault(workspaceId);

    public void Counted(WorkspaceId workspaceId, CreatesCounted counted)
    {
        if (_counts.Count >= Remembered)
        {
            _counts.Clear();
        }

        _counts[workspaceId] = counted;
    }
}
