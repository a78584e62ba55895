namespace Invitations.Api.Compatibility;

public sealed record WorkspaceInviteRequest(string? Email, string? Role);
