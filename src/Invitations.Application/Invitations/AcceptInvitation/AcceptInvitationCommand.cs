using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Invitations.AcceptInvitation;

public sealed record AcceptInvitationCommand(string? Token, string? FirstName = null, string? LastName = null)
    : IRequest<AcceptedInvitationResponse>;

public sealed record AcceptedInvitationResponse(Guid WorkspaceId, string WorkspaceName, [property: UserIdRange] long UserId, string Role, string Team);
