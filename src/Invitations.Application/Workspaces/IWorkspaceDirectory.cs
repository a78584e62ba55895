using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>The Workspaces module as the Invitations module sees it; Invitations never reads Workspaces' tables itself.</summary>
public interface IWorkspaceDirectory
{
    Task<WorkspaceCard?> FindAsync(WorkspaceId id, CancellationToken cancellationToken);

    /// <summary>The cards of these workspaces, in one round trip; an unknown id has none.</summary>
    Task<IReadOnlyDictionary<WorkspaceId, WorkspaceCard>> CardsAsync(IReadOnlyCollection<WorkspaceId> ids, CancellationToken cancellationToken);

    /// <summary>The team titled so (case-insensitive), or the default team when no title is given; null if unknown.</summary>
    Task<TeamRef?> FindTeamAsync(WorkspaceId id, string? title, CancellationToken cancellationToken);

    Task<bool> IsMemberAsync(WorkspaceId id, string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// The workspace, its teams of these titles (a null title meaning the default team) and which of these addresses are
    /// members: what inviting many addresses at once needs, in two round trips however many there are. Null if the workspace
    /// is unknown.
    /// </summary>
    Task<BulkInvitingContext?> BulkInvitingContextAsync(
        WorkspaceId id, IReadOnlyCollection<string?> teamTitles, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the address a member with the id, the team and the metadata its caller reserved for it. The member only joins the
    /// unit of work: the caller's own SaveChanges writes it, in one transaction with the caller's changes (or neither is written).
    /// </summary>
    void Admit(
        WorkspaceId id, long userId, EmailAddress email, string? firstName, string? lastName, Role role, TeamRef team, DateTimeOffset now,
        Metadata metadata);
}
