using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Configuration;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Invitations.Infrastructure.Security;

/// <summary>
/// Brings every stored secret under the first encryption key, after the migrations (<see cref="DatabaseUpgrade"/>): the
/// plaintext webhook secrets of a database from before encryption are encrypted (the key is not available to SQL, so this is
/// C#), values under an earlier key are re-encrypted, and a remembered response from before encryption is deleted. A value
/// under a key no longer configured stops the start, naming the setting. Idempotent, and safe on several nodes at once: a row
/// is rewritten only while it still holds what was read.
/// </summary>
internal sealed class StoredSecretsUpgrade(
    InvitationsDbContext db, AesGcmSecretProtector protector, RememberedResponseUpgrade responses, ILogger<StoredSecretsUpgrade> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var unreadable = new List<uint>();
        var secrets = await WebhookSecretsAsync(unreadable, cancellationToken);
        var (reencrypted, deleted) = await responses.RunAsync(unreadable, cancellationToken);
        if (unreadable.Count > 0)
        {
            var ids = string.Join(", ", unreadable.Distinct().Select(id => id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)));
            throw StartupSettings.Refuse(EncryptionKeys.Section,
                $"lacks the key that encrypted {unreadable.Count} stored secrets (key id {ids}): list that key again, after the first, "
                + "and start once; the start re-encrypts them under the first key, and then the old key may go.");
        }

        if (secrets + reencrypted + deleted > 0)
        {
            logger.LogInformation(
                "Encryption at rest: {Secrets} webhook secrets and {Responses} remembered responses now under key {KeyId}; {Deleted} remembered responses from before encryption deleted",
                secrets, reencrypted, protector.CurrentKeyId, deleted);
        }
    }

    private async Task<int> WebhookSecretsAsync(List<uint> unreadable, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Select(e => new { e.Id, e.ProtectedSecret, e.ProtectedPreviousSecret })
            .ToListAsync(cancellationToken);
        var rewritten = 0;
        foreach (var stored in endpoints)
        {
            var secret = UnderCurrentKey(stored.ProtectedSecret, unreadable)!;
            var previous = UnderCurrentKey(stored.ProtectedPreviousSecret, unreadable);
            if (secret != stored.ProtectedSecret || previous != stored.ProtectedPreviousSecret)
            {
                rewritten += await db.WebhookEndpoints
                    .Where(e => e.Id == stored.Id && e.ProtectedSecret == stored.ProtectedSecret && e.ProtectedPreviousSecret == stored.ProtectedPreviousSecret)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProtectedSecret, secret).SetProperty(e => e.ProtectedPreviousSecret, previous), cancellationToken);
            }
        }

        return rewritten;
    }

    /// <summary>A stored secret as the first key encrypts it; unchanged when it already is, or when no configured key can read it.</summary>
    private string? UnderCurrentKey(string? stored, List<uint> unreadable)
    {
        if (stored is null)
        {
            return null;
        }

        if (stored.StartsWith(WebhookSecret.Prefix, StringComparison.Ordinal))
        {
            return protector.ProtectText(stored, ISecretProtector.WebhookSecret); // as issued, from before encryption
        }

        var value = Convert.FromBase64String(stored);
        return protector.Reprotect(value, ISecretProtector.WebhookSecret, unreadable) is { } again ? Convert.ToBase64String(again) : stored;
    }
}
