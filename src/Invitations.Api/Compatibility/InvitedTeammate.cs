using Invitations.Application.Common;

namespace Invitations.Api.Compatibility;

public sealed record InvitedTeammate(
    [property: UserIdRange] long UserId, string DisplayName, string Email, string Status, string CreatedAt, string Role, string TeamTitle,
    IReadOnlyList<object> WhatsappAccounts);
