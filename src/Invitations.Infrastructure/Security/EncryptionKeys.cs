using Invitations.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace Invitations.Infrastructure.Security;

/// <summary>
/// <c>Security:EncryptionKeys</c>: base64 256-bit keys, the first encrypts and all decrypt, so a key is rotated by putting a
/// new one first. Read when the service is composed: missing or malformed stops it there, naming the key but never showing it.
/// </summary>
internal sealed class EncryptionKeys
{
    public const string Section = "Security:EncryptionKeys";
    private const string MakeOne = "make one with `openssl rand -base64 32`";

    private EncryptionKeys(IReadOnlyList<EncryptionKey> all) => All = all;

    public IReadOnlyList<EncryptionKey> All { get; }

    public EncryptionKey Current => All[0];

    public static EncryptionKeys Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var given = section.GetChildren().Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => (Key: c.Path, c.Value)).ToList();
        if (given.Count == 0 && !string.IsNullOrEmpty(section.Value))
        {
            given.Add((Section, section.Value)); // one key, given as a plain value rather than an array
        }

        if (given.Count == 0)
        {
            throw StartupSettings.Refuse(Section, $"is required: one or more base64 256-bit keys (the first encrypts, all decrypt); {MakeOne}.");
        }

        var keys = new List<EncryptionKey>();
        foreach (var (key, value) in given)
        {
            var material = new byte[EncryptionKey.Bytes + 1];
            if (!Convert.TryFromBase64String(value!.Trim(), material, out var length) || length != EncryptionKey.Bytes)
            {
                throw StartupSettings.Refuse(key, $"is not a base64 256-bit key (32 bytes); {MakeOne}.");
            }

            var parsed = EncryptionKey.From(material[..EncryptionKey.Bytes]);
            if (keys.FindIndex(k => k.Id == parsed.Id) is var earlier and >= 0)
            {
                throw StartupSettings.Refuse(key, $"is the same key as {given[earlier].Key}; each key is listed once.");
            }

            keys.Add(parsed);
        }

        return new EncryptionKeys(keys);
    }
}
