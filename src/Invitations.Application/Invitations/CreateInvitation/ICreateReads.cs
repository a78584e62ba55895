using Invitations.Application.Workspaces;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// What a create reads before it acts. A port, not a query to extend: the create is the hot path, and its read is compiled once.
/// </summary>
public interface ICreateReads
{
    /// <summary>
    /// The workspace (with its policy and seat limit) and the team asked for (the default team when none is named), with the
    /// versions of both rows; null if the workspace is unknown. Unless <paramref name="fresh"/>, a reading this node made before
    /// may be served again without a round trip: the create's write proves it (<see cref="IInvitationStore.InsertAsync"/>
    /// refuses a reading whose workspace or team has changed since, <see cref="CreateRefusal.StaleReading"/>), so no node acts
    /// on a policy, a seat limit or a team that another node has changed.
    /// </summary>
    Task<CreateReading?> ReadAsync(WorkspaceId workspaceId, string? teamTitle, bool fresh, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ICreateReads.ReadAsync"/> found.</summary>
/// <param name="Team">The team asked for; null when the workspace has none of that title (a reading that is never kept).</param>
/// <param name="Version">The versions of the workspace's and the team's rows as read, for the write to check.</param>
/// <param name="Kept">Served from what this node read before, not read now: good to admit on, never to refuse on.</param>
public sealed record CreateReading(WorkspaceCard Workspace, TeamRef? Team, ReadingVersion Version, bool Kept = false);

/// <summary>The versions of the rows a create was decided on (opaque outside the store: the database's own row versions).</summary>
public readonly record struct ReadingVersion(uint Workspace, uint Team);
