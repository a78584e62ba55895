namespace Invitations.Application.Invitations.ListOptOuts;

/// <summary>An address that asked not to be invited again, as the invitation spelled it, with the reason it gave.</summary>
public sealed record OptOutResponse(string Email, string? Reason, DateTimeOffset CreatedAt);
