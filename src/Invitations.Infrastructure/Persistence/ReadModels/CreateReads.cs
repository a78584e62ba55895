using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Domain.Workspaces;
using Invitations.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Invitations.Infrastructure.Persistence.ReadModels;

/// <summary>
/// The create's read as an EF Core compiled query (translated once: a request builds and hashes no expression tree), and kept
/// for a minute per workspace and team title: a workspace's creates then make one round trip to the database, not two. The
/// reading carries its rows' versions (<see cref="RowVersions"/>), which the create's write checks, so a kept reading is never
/// acted on once its workspace or team has changed, on this node or any other (build/bench/findings.md, stop 35).
/// </summary>
internal sealed class CreateReads(InvitationsDbContext db, IMemoryCache cache) : ICreateReads
{
    /// <summary>How long a reading is kept: it costs memory only, never correctness (the write proves it).</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    private static readonly Func<InvitationsDbContext, WorkspaceId, string, CancellationToken, Task<Row?>> Read =
        EF.CompileAsyncQuery((InvitationsDbContext db, WorkspaceId id, string normalizedTitle, CancellationToken cancellationToken) =>
            db.Workspaces.AsNoTracking()
                .Where(w => w.Id == id)
                .Select(w => new Row(
                    new WorkspaceCard(w.Id, w.Name, w.Branding, w.SeatLimit, w.Policy),
                    EF.Property<uint>(w, RowVersions.Property),
                    w.Teams.Where(t => t.NormalizedTitle == normalizedTitle)
                        .Select(t => new TeamRow(new TeamRef(t.Id, t.Title), EF.Property<uint>(t, RowVersions.Property)))
                        .FirstOrDefault()))
                .SingleOrDefault());

    public async Task<CreateReading?> ReadAsync(WorkspaceId workspaceId, string? teamTitle, bool fresh, CancellationToken cancellationToken)
    {
        var key = new Key(workspaceId, Team.NormalizedTitleOf(teamTitle));
        if (!fresh && cache.TryGetValue<CreateReading>(key, out var kept))
        {
            return kept;
        }

        var reading = await Read(db, workspaceId, key.NormalizedTitle, cancellationToken) is { } row
            ? new CreateReading(row.Workspace, row.Team?.Team, new ReadingVersion(row.Version, row.Team?.Version ?? 0))
            : null;
        if (reading?.Team is not null)
        {
            cache.Set(key, reading with { Kept = true }, Keep);
        }
        else
        {
            cache.Remove(key);
        }

        return reading;
    }

    private sealed record Key(WorkspaceId WorkspaceId, string NormalizedTitle);

    private sealed record Row(WorkspaceCard Workspace, uint Version, TeamRow? Team);

    private sealed record TeamRow(TeamRef Team, uint Version);
}
