namespace Invitations.Api.Compatibility;

/// <summary>The seed's envelope: <c>{"status":"ok","data":{...}}</c>.</summary>
public sealed record InviteTeammateResponse(string Status, InvitedTeammate Data);
