namespace Invitations.Domain.Webhooks;

/// <summary>The signing secrets: a rotation keeps the old one signing beside the new for a while.</summary>
public sealed partial class WebhookEndpoint
{
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

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
