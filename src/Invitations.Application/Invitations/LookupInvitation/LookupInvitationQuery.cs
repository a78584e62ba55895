using MediatR;

namespace Invitations.Application.Invitations.LookupInvitation;

/// <param name="Languages">The browser's languages, most preferred first: an invitation that names none is shown in the first shipped.</param>
public sealed record LookupInvitationQuery(string? Token, IReadOnlyList<string>? Languages = null) : IRequest<InvitationLookupResponse>;

/// <summary>
/// What the invitee's page shows. Deliberately less than <see cref="InvitationResponse"/>. <see cref="Language"/> is the one the
/// page is to be shown in (contract §11).
/// </summary>
public sealed record InvitationLookupResponse(
    Guid WorkspaceId,
    string WorkspaceName,
    string InviterEmail,
    string Role,
    string Team,
    string Email,
    DateTimeOffset ExpiresAt,
    string Status,
    string Language);
