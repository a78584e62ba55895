using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>CreateInvitation.sql's parameters, by name: the invitation, its link, its allowance and its event.</summary>
internal static class CreateParameters
{
    public static void Add(
        NpgsqlCommand command, Invitation i, InvitationDelivery? delivery, CreateAllowance allowance, WebhookEvent published, string? traceParent)
    {
        var p = command.Parameters;
        p.AddWithValue("lock_class", CreateLock.Class);
        p.AddWithValue("lock_key", CreateLock.KeyOf(i.WorkspaceId));
        p.AddWithValue("exact", allowance.IsExact);
        p.AddWithValue("since", allowance.Since);
        p.AddWithValue("limit", allowance.Limit);
        p.AddWithValue("counted", (long)(allowance.Counted?.Count ?? 0));
        p.AddWithValue("counted_at", allowance.Counted?.CounterValue ?? 0L);
        p.AddWithValue("slack", (long)(allowance.Counted?.Slack ?? 0));
        p.AddWithValue("id", i.Id.Value);
        p.AddWithValue("workspace_id", i.WorkspaceId.Value);
        p.AddWithValue("email", i.Email);
        p.AddWithValue("normalized_email", i.NormalizedEmail);
        p.Add(new NpgsqlParameter("first_name", NpgsqlDbType.Text) { Value = (object?)i.FirstName ?? DBNull.Value });
        p.Add(new NpgsqlParameter("last_name", NpgsqlDbType.Text) { Value = (object?)i.LastName ?? DBNull.Value });
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
        p.Add(new NpgsqlParameter("locale", NpgsqlDbType.Text) { Value = (object?)i.Locale ?? DBNull.Value });
        p.Add(new NpgsqlParameter("metadata", NpgsqlDbType.Json) { Value = i.Metadata.Json });
        p.Add(new NpgsqlParameter("join_link_id", NpgsqlDbType.Uuid) { Value = (object?)i.JoinLinkId?.Value ?? DBNull.Value });
        p.AddWithValue("delivery_status", (delivery?.Status ?? DeliveryStatus.Pending).LowerCaseName());
        p.Add(new NpgsqlParameter("token_hash", NpgsqlDbType.Text) { Value = (object?)delivery?.TokenHash ?? DBNull.Value });
        p.Add(new NpgsqlParameter("trace_parent", NpgsqlDbType.Text) { Value = (object?)traceParent ?? DBNull.Value });
        p.AddWithValue("event_id", published.Id);
        p.AddWithValue("event_type", published.Type);
        p.AddWithValue("event_body", published.Body);
    }
}
