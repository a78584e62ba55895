using System.Text.Json.Serialization;
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
    long UserId,
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
        i.StatusAt(now).ToString().ToLowerInvariant(),
        i.UserId,
        new InvitedBy(i.InvitedByUserId, i.InvitedByEmail),
        i.CreatedAt,
        i.ExpiresAt,
        i.AcceptedAt,
        i.RevokedAt,
        newest?.EmailStatus,
        newest?.SentAt,
        newest?.LastError);
}

public sealed record InvitedBy(long UserId, string Email);
