using System.Text.Json.Serialization;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations;

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
    string? EmailStatus,
    DateTimeOffset? EmailSentAt,
    string? LastEmailError)
{
    /// <summary>Only when the caller asked to deliver the link itself (<c>send_email: false</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AcceptUrl { get; init; }

    /// <param name="newest">The invitation's newest delivery (null only for rows from before deliveries existed).</param>
    public static InvitationResponse From(Invitation i, InvitationDelivery? newest, DateTimeOffset now) => new(
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
        EmailStatusOf(newest),
        newest?.SentAt,
        newest?.LastError);

    /// <summary>
    /// <c>email_status</c>: null for a link the caller delivers; an email not sent because the invitation stopped being
    /// pending reads as still queued, as it did before deliveries had a status of their own.
    /// </summary>
    private static string? EmailStatusOf(InvitationDelivery? delivery) => delivery?.Status switch
    {
        null or DeliveryStatus.Issued => null,
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        _ => "queued",
    };
}

public sealed record InvitedBy([property: UserIdRange] long UserId, string Email);
