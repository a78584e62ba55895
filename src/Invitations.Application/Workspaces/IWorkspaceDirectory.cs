using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>The Workspaces module as the Invitations module sees it; Invitations never reads Workspaces' tables itself.</summary>
public interface IWorkspaceDirectory
{
    Task<WorkspaceCard?> FindAsync(WorkspaceId id, CancellationToken cancellationToken);

    /// <summary>The team titled so (case-insensitive), or the default team when no title is given; null if unknown.</summary>
    Task<TeamRef?> FindTeamAsync(WorkspaceId id, string? title, CancellationToken cancellationToken);

    Task<bool> IsActiveMemberAsync(WorkspaceId id, string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// The workspace, the team (as <see cref="FindTeamAsync"/>) and whether the address is an active member, as a query the
    /// caller may extend with reads of its own, so that creating an invitation (the hot path) reads in one round trip.
    /// Empty if the workspace is unknown.
    /// </summary>
    IQueryable<InvitingContext> InvitingContext(WorkspaceId id, string? teamTitle, string normalizedEmail);

    /// <summary>Adds the member to the unit of work; it is saved with the caller's own changes.</summary>
    void Admit(Member member);
}
