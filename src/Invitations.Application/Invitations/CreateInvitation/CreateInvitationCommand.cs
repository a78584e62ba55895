using System.Text.Json;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <param name="AllowedRoles">The roles the calling route accepts (each compatibility route has its own list).</param>
/// <param name="Metadata">The caller's own JSON object, carried to the member (native routes only).</param>
/// <param name="Locale">The invitee's language, a BCP 47 tag (native routes only).</param>
public sealed record CreateInvitationCommand(
    Actor Actor,
    string? Email,
    string? Role,
    string? FirstName = null,
    string? LastName = null,
    string? Team = null,
    int? ExpiresInDays = null,
    bool SendEmail = true,
    IReadOnlyCollection<string>? AllowedRoles = null,
    JsonElement? Metadata = null,
    string? Locale = null) : IRequest<InvitationResponse>
{
    /// <summary>The join link the invitee asked through (contract §13): the create counts one use of it, or makes nothing.</summary>
    public JoinLinkId? JoinLinkId { get; init; }
}
