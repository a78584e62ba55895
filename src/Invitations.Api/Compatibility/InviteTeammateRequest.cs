namespace Invitations.Api.Compatibility;

public sealed record InviteTeammateRequest(string? Email, string? FirstName, string? LastName, string? TeamTitle, string? Role);
