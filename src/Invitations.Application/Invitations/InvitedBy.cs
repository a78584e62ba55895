using Invitations.Application.Common;

namespace Invitations.Application.Invitations;

public sealed record InvitedBy([property: UserIdRange] long UserId, string Email);
