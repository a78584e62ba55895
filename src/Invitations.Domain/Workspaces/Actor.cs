namespace Invitations.Domain.Workspaces;

/// <summary>The member a request acts as, identified by their workspace API key.</summary>
public sealed record Actor(WorkspaceId WorkspaceId, long UserId, string Email, Role Role);
