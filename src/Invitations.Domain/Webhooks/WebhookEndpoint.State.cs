using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Webhooks;

/// <summary>What an endpoint holds; only its own methods (WebhookEndpoint.cs, .Secrets.cs) change it.</summary>
public sealed partial class WebhookEndpoint
{
    public WebhookEndpointId Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public string Url { get; private set; } = "";

    public string? Description { get; private set; }

    public string[] Events { get; private set; } = [];

    public bool Enabled { get; private set; }

    /// <summary>Why the dispatcher disabled it; null when it is enabled or was disabled by its owner.</summary>
    public string? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>The signing secret in its protected form.</summary>
    public string ProtectedSecret { get; private set; } = "";

    /// <summary>The secret before the last rotation, protected; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? ProtectedPreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>When the run of failures without a success began; the dispatcher keeps it.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
