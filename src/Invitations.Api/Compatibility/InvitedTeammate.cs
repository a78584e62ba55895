namespace Invitations.Api.Compatibility;

public sealed record InvitedTeammate(
    long UserId, string DisplayName, string Email, string Status, string CreatedAt, string Role, string TeamTitle,
    IReadOnlyList<object> WhatsappAccounts);
