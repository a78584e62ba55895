using System.Security.Cryptography;
using Invitations.Infrastructure.Security;
using Microsoft.Extensions.Configuration;

namespace Invitations.IntegrationTests.Support;

/// <summary>The encryption key of the test hosts (<c>Security:EncryptionKeys</c>), and fresh ones for rotation.</summary>
public static class TestEncryptionKeys
{
    public const string Setting = "Security:EncryptionKeys";

    /// <summary>build/test.sh makes one per run (INVITATIONS_TEST_ENCRYPTION_KEY); a developer's plain `dotnet test` gets this fixed one.</summary>
    public static string Current { get; } =
        Environment.GetEnvironmentVariable("INVITATIONS_TEST_ENCRYPTION_KEY") is { Length: > 0 } key ? key : "at+MPVJA8uieVZQQrqksiWGkvE5mMWxW3d87s+3gYs8=";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The service's protector as configured with <paramref name="keys"/> (the first encrypts).</summary>
    internal static AesGcmSecretProtector Protector(params string[] keys) =>
        new(EncryptionKeys.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select((key, at) => KeyValuePair.Create($"{Setting}:{at}", (string?)key)))
            .Build()));
}
