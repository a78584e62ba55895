namespace Invitations.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>About 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: one attempt plus one per delay, about 27 hours in all.</summary>
    public static readonly int[] DefaultRetryDelaysSeconds = [5, 300, 1800, 7200, 18000, 36000, 36000];

    /// <summary>Lets endpoints be plain http and resolve to loopback or private addresses: for development and tests only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    // No initializer: the configuration binder would append to it rather than replace it.
    public int[]? RetryDelaysSeconds { get; set; }

    public int[] RetryDelays => RetryDelaysSeconds is { Length: > 0 } delays ? delays : DefaultRetryDelaysSeconds;
}
