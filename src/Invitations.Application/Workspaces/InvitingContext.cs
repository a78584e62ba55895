using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>What inviting an address into a workspace needs to know of it, read together.</summary>
/// <param name="Team">The team asked for, or null when the workspace has no team of that title.</param>
/// <param name="IsMember">Whether the address already belongs to a member of the workspace.</param>
public sealed class InvitingContext
{
    public required WorkspaceCard Workspace { get; init; }

    public TeamRef? Team { get; init; }

    public bool IsMember { get; init; }
}
