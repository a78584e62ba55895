using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Webhooks;

/// <summary>
/// Where a workspace wants its invitation events: a URL, the events it subscribes to, and the secret that signs them. A
/// rotated secret keeps signing next to the new one for <see cref="RotationOverlap"/>; an endpoint that fails for
/// <see cref="FailingLimit"/> is disabled by the dispatcher and says so. The secrets are held as the application protected
/// (encrypted) them: the endpoint never holds a plaintext secret, and the domain holds no key.
/// </summary>
public sealed partial class WebhookEndpoint
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public static readonly TimeSpan FailingLimit = TimeSpan.FromDays(3);

    private WebhookEndpoint()
    {
    }

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
}
