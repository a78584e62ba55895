using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Webhooks;

/// <summary>
/// Where a workspace wants its invitation events: a URL, the events it subscribes to, and the secret that signs them. A
/// rotated secret keeps signing next to the new one for <see cref="RotationOverlap"/>; an endpoint that fails for
/// <see cref="FailingLimit"/> is disabled by the dispatcher and says so. The secrets are held as the application protected
/// (encrypted) them: the endpoint never holds a plaintext secret, and the domain holds no key.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);
    public static readonly TimeSpan FailingLimit = TimeSpan.FromDays(3);

    private WebhookEndpoint()
    {
    }

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

    /// <param name="protectedSecret">A new secret (<see cref="WebhookSecret.New"/>) as the application protected it.</param>
    public static WebhookEndpoint Create(
        Actor actor, string url, IReadOnlyList<string>? events, string? description, string protectedSecret, DateTimeOffset now)
    {
        EnsureMayManage(actor);
        return new WebhookEndpoint
        {
            Id = WebhookEndpointId.New(),
            WorkspaceId = actor.WorkspaceId,
            Url = url,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Events = WebhookEventTypes.Normalize(events),
            Enabled = true,
            ProtectedSecret = protectedSecret,
            CreatedAt = now,
        };
    }

    public static void EnsureMayManage(Actor actor)
    {
        if (!actor.Role.CanInvite())
        {
            throw new DomainException(ErrorCodes.CannotManageWebhooks, "Only owners and admins can manage webhooks.");
        }
    }

    /// <summary>Changes what is given; enabling again clears the dispatcher's verdict and starts a fresh run.</summary>
    public void Change(string? url, IReadOnlyList<string>? events, bool? enabled, DateTimeOffset now)
    {
        if (url is not null)
        {
            Url = url;
        }

        if (events is not null)
        {
            Events = WebhookEventTypes.Normalize(events);
        }

        if (enabled is { } on && on != Enabled)
        {
            Enabled = on;
            DisabledAt = on ? null : now;
            DisabledReason = null;
            FailingSince = null;
        }
    }

    /// <summary>A new secret (protected); the old one goes on signing beside it for <see cref="RotationOverlap"/>.</summary>
    public void RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        ProtectedSecret = protectedSecret;
    }

    /// <summary>The secrets (protected) that sign a message sent at <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        ProtectedPreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [ProtectedSecret, previous] : [ProtectedSecret];
}
