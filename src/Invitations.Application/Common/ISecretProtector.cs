namespace Invitations.Application.Common;

/// <summary>
/// Encrypts what must be read back (contract §2): webhook signing secrets and remembered responses. The key is not in the
/// database, so a copy of the database alone yields no credential. A protected value says which key and format made it, so
/// values made under an earlier key keep reading while that key is still configured.
/// </summary>
public interface ISecretProtector
{
    /// <summary>A webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    const string WebhookSecret = "webhook-secret";

    /// <summary>A response an idempotency key remembers (it may carry an accept link or a signing secret).</summary>
    const string RememberedResponse = "remembered-response";

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> under the current key. <paramref name="purpose"/> is bound to the result: a value
    /// only reads back for the purpose it was made for.
    /// </summary>
    byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose);

    /// <summary>The plaintext of a value <see cref="Protect"/> made; throws if it was altered or its key is not configured.</summary>
    byte[] Unprotect(ReadOnlySpan<byte> protectedValue, string purpose);
}
