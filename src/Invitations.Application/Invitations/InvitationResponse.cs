using System.Text.Json;
using System.Text.Json.Serialization;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations;

/// <summary>
/// The native invitation resource. <see cref="From(Invitation, EmailState?, DateTimeOffset)"/> is its only mapper: GET, the lists,
/// every write's answer and every webhook event render it, so a field appears in all of them or in none.
/// </summary>
public sealed record InvitationResponse(
    Guid Id,
    Guid WorkspaceId,
    string Email,
    string? FirstName,
    string? LastName,
    string Role,
    string Team,
    string Status,
    [property: UserIdRange] long UserId,
    InvitedBy InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? DeclinedAt,
    string? DeclineReason,
    string? EmailStatus,
    DateTimeOffset? EmailSentAt,
    string? LastEmailError,
    string? Locale,
    JsonElement Metadata,
    Guid? JoinLinkId)
{
    /// <summary>Only when the caller asked to deliver the link itself (<c>send_email: false</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AcceptUrl { get; init; }

    public static InvitationResponse From(Invitation i, InvitationDelivery? newest, DateTimeOffset now) => From(i, EmailState.Of(newest), now);

    /// <param name="email">Where its newest link stands (null only for rows from before deliveries existed).</param>
    public static InvitationResponse From(Invitation i, EmailState? email, DateTimeOffset now) => new(
        i.Id.Value,
        i.WorkspaceId.Value,
        i.Email,
        i.FirstName,
        i.LastName,
        i.Role.Name(),
        i.TeamTitle,
        i.StatusAt(now).LowerCaseName(),
        i.UserId,
        new InvitedBy(i.InvitedByUserId, i.InvitedByEmail),
        i.CreatedAt,
        i.ExpiresAt,
        i.AcceptedAt,
        i.RevokedAt,
        i.DeclinedAt,
        i.DeclineReason,
        email?.WireStatus,
        email?.SentAt,
        email?.LastError,
        i.Locale,
        i.Metadata.ToElement(),
        i.JoinLinkId?.Value);
}
