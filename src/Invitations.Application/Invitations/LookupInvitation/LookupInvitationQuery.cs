using MediatR;

namespace Invitations.Application.Invitations.LookupInvitation;

public sealed record LookupInvitationQuery(string? Token) : IRequest<InvitationLookupResponse>;

/// <summary>What the invitee's page shows. Deliberately less than <see cref="InvitationResponse"/>.</summary>
public sealed record InvitationLookupResponse(
    Guid WorkspaceId,
    string WorkspaceName,
    string InviterEmail,
    string Role,
    string Team,
    string Email,
    DateTimeOffset ExpiresAt,
    string Status);
