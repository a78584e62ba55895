using System.Security.Cryptography;
using System.Text;
using Invitations.Application.Common;

namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// The encryption of secrets at rest (AES-256-GCM): a value names its format and key, has a nonce of its own, reads back only
/// unaltered and for its purpose, and keeps reading after a rotation while the old key is still listed.
/// </summary>
public sealed class SecretProtectorTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_c2VjcmV0IHNpZ25pbmcga2V5IG1hdGVyaWFsIQ==");
    private const string Purpose = ISecretProtector.WebhookSecret;

    [Fact]
    public void AValue_IsVersionKeyIdNonceCiphertextAndTag_WithANonceOfItsOwn()
    {
        var protector = TestEncryptionKeys.Protector(TestEncryptionKeys.Current);

        var one = protector.Protect(Secret, Purpose);
        var two = protector.Protect(Secret, Purpose);

        Assert.Equal(1 + 4 + 12 + Secret.Length + 16, one.Length);
        Assert.Equal(1, one[0]);
        Assert.Equal(one[1..5], two[1..5]);
        Assert.NotEqual(one[5..17], two[5..17]);
        Assert.DoesNotContain(Convert.ToHexString(Secret), Convert.ToHexString(one), StringComparison.Ordinal);
        Assert.Equal(Secret, protector.Unprotect(one, Purpose));
        Assert.Equal(Secret, protector.Unprotect(two, Purpose));
    }

    [Fact]
    public void AnAlteredValue_OrOneReadForAnotherPurpose_DoesNotRead()
    {
        var protector = TestEncryptionKeys.Protector(TestEncryptionKeys.Current);
        var value = protector.Protect(Secret, Purpose);
        var altered = (byte[])value.Clone();
        altered[20] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(altered, Purpose));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value, ISecretProtector.RememberedResponse));
    }

    [Fact]
    public void AfterRotation_AValueUnderTheOldKey_ReadsWhileTheOldKeyIsListedSecond_AndNotOnceItIsGone()
    {
        var (oldKey, newKey) = (TestEncryptionKeys.New(), TestEncryptionKeys.New());
        var underOld = TestEncryptionKeys.Protector(oldKey).Protect(Secret, Purpose);
        var rotated = TestEncryptionKeys.Protector(newKey, oldKey);
        var unreadable = new List<uint>();

        var again = rotated.Reprotect(underOld, Purpose, unreadable);

        Assert.Equal(Secret, rotated.Unprotect(underOld, Purpose));
        Assert.Empty(unreadable);
        Assert.Equal(Secret, TestEncryptionKeys.Protector(newKey).Unprotect(again!, Purpose));
        Assert.Null(rotated.Reprotect(again!, Purpose, unreadable));
        var gone = Assert.ThrowsAny<CryptographicException>(() => TestEncryptionKeys.Protector(newKey).Unprotect(underOld, Purpose));
        Assert.Contains("Security:EncryptionKeys", gone.Message, StringComparison.Ordinal);
    }
}
