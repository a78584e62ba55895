using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

/// <summary>What the Invitations module may know of a workspace: its name, branding, seat limit and invitation policy.</summary>
public sealed record WorkspaceCard(WorkspaceId Id, string Name, Branding Branding, int? SeatLimit, InvitationPolicy Policy);
