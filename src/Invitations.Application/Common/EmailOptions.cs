namespace Invitations.Application.Common;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string Transport { get; set; } = "Smtp";

    public string DirectoryPath { get; set; } = "./.data/mail";

    public string DefaultFrom { get; set; } = "Invitations <no-reply@localhost>";

    /// <summary>Seconds between delivery attempts; one attempt more than there are delays. About two hours in all.</summary>
    public static readonly int[] DefaultRetryDelaysSeconds = [30, 120, 600, 1800, 3600];

    // No initializer: the configuration binder would append to it rather than replace it.
    public int[]? RetryDelaysSeconds { get; set; }

    /// <summary>
    /// How long a claim keeps other dispatchers off an email. A live sender keeps extending it, so it only matters when a
    /// process dies mid-batch: its emails are claimed again this long after its last extension.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    public int[] RetryDelays => RetryDelaysSeconds is { Length: > 0 } delays ? delays : DefaultRetryDelaysSeconds;
}
