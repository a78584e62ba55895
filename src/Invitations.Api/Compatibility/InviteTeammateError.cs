namespace Invitations.Api.Compatibility;

/// <summary>The seed's error body: <c>{"status":"error","message":"..."}</c>.</summary>
public sealed record InviteTeammateError(string Status, string Message);
