using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>What the Invitations module may know of a workspace.</summary>
public sealed record WorkspaceCard(WorkspaceId Id, string Name, Branding Branding);
