namespace Invitations.Application.Webhooks.Events;

/// <summary>A webhook event's body: <c>{"id", "type", "created_at", "workspace_id", "data"}</c> (contract §8).</summary>
internal sealed record EventEnvelope(string Id, string Type, DateTimeOffset CreatedAt, Guid WorkspaceId, object Data);
