using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>What inviting many addresses into a workspace needs to know of it (<see cref="IWorkspaceDirectory.BulkInvitingContextAsync"/>).</summary>
public sealed class BulkInvitingContext(
    WorkspaceCard workspace, IReadOnlyDictionary<string, TeamRef> teams, IReadOnlySet<string> memberEmails, Func<string?, string> normalizeTitle)
{
    public WorkspaceCard Workspace { get; } = workspace;

    /// <summary>The team titled so (case-insensitive; null for the default team), or null when there is none.</summary>
    public TeamRef? Team(string? title) => teams.GetValueOrDefault(normalizeTitle(title));

    public bool IsMember(string normalizedEmail) => memberEmails.Contains(normalizedEmail);
}
