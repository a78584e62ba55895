namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>What a row that does not say takes; a row's own value wins.</summary>
public sealed record BulkInvitationDefaults(string? Role = null, string? Team = null, int? ExpiresInDays = null, bool? SendEmail = null);
