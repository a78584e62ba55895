using System.Collections.Concurrent;
using Invitations.Domain.Workspaces;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>
/// The workspaces whose last create on this node found no endpoint subscribed to <c>invitation.created</c>: their creates are
/// written without the event (no body rendered for nobody), and the write itself refuses one that an endpoint now subscribes to
/// (CreateInvitation.sql, <c>unannounced</c>), so no node's memory can cost an event. Bounded: past <see cref="Remembered"/>
/// workspaces it starts over.
/// </summary>
internal sealed class UnheardWorkspaces
{
    private const int Remembered = 10_000;
    private readonly ConcurrentDictionary<WorkspaceId, byte> _unheard = new();

    public bool IsUnheard(WorkspaceId workspaceId) => _unheard.ContainsKey(workspaceId);

    /// <summary>What a write found: whether an endpoint subscribes to the workspace's <c>invitation.created</c>.</summary>
    public void Found(WorkspaceId workspaceId, bool heard)
    {
        if (heard)
        {
            _unheard.TryRemove(workspaceId, out _);
        }
        else if (!_unheard.ContainsKey(workspaceId))
        {
            if (_unheard.Count >= Remembered)
            {
                _unheard.Clear();
            }

            _unheard.TryAdd(workspaceId, 0);
        }
    }
}
