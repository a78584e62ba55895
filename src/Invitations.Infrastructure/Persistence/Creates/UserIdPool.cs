using Invitations.Application.Invitations.CreateInvitation;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>
/// User ids for new invitations, drawn from the sequence members use in blocks of <see cref="Block"/>: one round trip per block,
/// not per create. The block is this node's; an id drawn and never used is a gap in the numbering, nothing more.
/// </summary>
internal sealed class UserIdPool
{
    public const int Block = 50;
    private readonly Queue<long> _ids = new();
    private readonly Lock _lock = new();

    public bool TryTake(int count, out long[] ids)
    {
        lock (_lock)
        {
            ids = _ids.Count >= count ? [.. Enumerable.Range(0, count).Select(_ => _ids.Dequeue())] : [];
            return ids.Length == count;
        }
    }

    public void Add(IEnumerable<long> ids)
    {
        lock (_lock)
        {
            foreach (var id in ids)
            {
                _ids.Enqueue(id);
            }
        }
    }
}
