namespace Invitations.Api.Compatibility;

/// <summary>The seed's answer, for success and for errors alike: <c>{"success":...,"message":"..."}</c>.</summary>
public sealed record WorkspaceInviteResponse(bool Success, string Message);
