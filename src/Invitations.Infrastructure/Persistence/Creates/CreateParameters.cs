using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>CreateInvitation.sql's parameters, by name: the invitation, its link, its allowance, the reading's versions and its event (if rendered).</summary>
internal static class CreateParameters
{
    public static void Add(
        SqlParameters p, Invitation i, InvitationDelivery? delivery, CreateAllowance allowance, ReadingVersion version, WebhookEvent? published,
        string? traceParent)
    {
        p.AddWithValue("lock_class", CreateLock.Class);
        p.AddWithValue("lock_key", CreateLock.KeyOf(i.WorkspaceId));
        p.AddWithValue("exact", allowance.IsExact);
        p.AddWithValue("since", allowance.Since);
        p.AddWithValue("limit", allowance.Limit);
        p.AddWithValue("counted", (long)(allowance.Counted?.Count ?? 0));
        p.AddWithValue("counted_at", allowance.Counted?.CounterValue ?? 0L);
        p.AddWithValue("slack", (long)(allowance.Counted?.Slack ?? 0));
        p.Add("workspace_version", NpgsqlDbType.Xid, version.Workspace);
        p.Add("team_version", NpgsqlDbType.Xid, version.Team);
        p.AddWithValue("id", i.Id.Value);
        p.AddWithValue("workspace_id", i.WorkspaceId.Value);
        p.AddWithValue("email", i.Email);
        p.AddWithValue("normalized_email", i.NormalizedEmail);
        p.Add("first_name", NpgsqlDbType.Text, i.FirstName);
        p.Add("last_name", NpgsqlDbType.Text, i.LastName);
        p.AddWithValue("role", i.Role.Name());
        p.AddWithValue("team_id", i.TeamId);
        p.AddWithValue("team_title", i.TeamTitle);
        p.AddWithValue("user_id", i.UserId);
        p.AddWithValue("invited_by_user_id", i.InvitedByUserId);
        p.AddWithValue("invited_by_email", i.InvitedByEmail);
        p.AddWithValue("lifetime", i.Lifetime);
        p.AddWithValue("created_at", i.CreatedAt);
        p.AddWithValue("expires_at", i.ExpiresAt);
        p.AddWithValue("delivery_version", i.DeliveryVersion);
        p.Add("locale", NpgsqlDbType.Text, i.Locale);
        p.Add("metadata", NpgsqlDbType.Json, i.Metadata.Json);
        p.Add("join_link_id", NpgsqlDbType.Uuid, i.JoinLinkId?.Value);
        p.AddWithValue("delivery_status", (delivery?.Status ?? DeliveryStatus.Pending).LowerCaseName());
        p.Add("token_hash", NpgsqlDbType.Text, delivery?.TokenHash);
        p.Add("trace_parent", NpgsqlDbType.Text, traceParent);
        p.AddWithValue("event_type", WebhookEventTypes.Created);
        p.Add("event_id", NpgsqlDbType.Text, published?.Id); // null: written without its event (InvitationStore)
        p.Add("event_body", NpgsqlDbType.Text, published?.Body);
    }
}
