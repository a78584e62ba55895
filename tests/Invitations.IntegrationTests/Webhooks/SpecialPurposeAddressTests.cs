using System.Net;
using System.Text.Json;
using Invitations.Application.Webhooks;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Webhooks;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// The SSRF rules against IANA's IPv4 and IPv6 Special-Purpose Address Registries, transcribed here on their own (not read
/// from the code under test): an address inside each entry is refused unless the entry is globally reachable, the most
/// specific entry wins, and wrapped IPv4 is judged as IPv4. Nothing is sent anywhere: URLs are judged by the policy, and the
/// sender's connect-time check gets its refused address from a stub resolver and refuses before any socket exists.
/// </summary>
public sealed class SpecialPurposeAddressTests
{
    /// <summary>Entry, its prefix, an address inside it (and inside no more specific entry), and "Globally Reachable".</summary>
    public static TheoryData<string, string, string, bool> Registry => new()
    {
        { "This network", "0.0.0.0/8", "0.1.2.3", false },
        { "This host on this network", "0.0.0.0/32", "0.0.0.0", false },
        { "Private-Use", "10.0.0.0/8", "10.20.30.40", false },
        { "Shared Address Space", "100.64.0.0/10", "100.100.1.1", false },
        { "Loopback", "127.0.0.0/8", "127.1.2.3", false },
        { "Link Local", "169.254.0.0/16", "169.254.169.254", false },
        { "Private-Use", "172.16.0.0/12", "172.31.255.1", false },
        { "IETF Protocol Assignments", "192.0.0.0/24", "192.0.0.100", false },
        { "IPv4 Service Continuity Prefix", "192.0.0.0/29", "192.0.0.1", false },
        { "IPv4 dummy address", "192.0.0.8/32", "192.0.0.8", false },
        { "Port Control Protocol Anycast", "192.0.0.9/32", "192.0.0.9", true },
        { "Traversal Using Relays around NAT Anycast", "192.0.0.10/32", "192.0.0.10", true },
        { "NAT64/DNS64 Discovery", "192.0.0.170/31", "192.0.0.171", false },
        { "Documentation (TEST-NET-1)", "192.0.2.0/24", "192.0.2.55", false },
        { "AS112-v4", "192.31.196.0/24", "192.31.196.1", true },
        { "AMT", "192.52.193.0/24", "192.52.193.1", true },
        { "Deprecated (6to4 Relay Anycast)", "192.88.99.0/24", "192.88.99.1", false },
        { "Private-Use", "192.168.0.0/16", "192.168.1.1", false },
        { "Direct Delegation AS112 Service", "192.175.48.0/24", "192.175.48.1", true },
        { "Benchmarking", "198.18.0.0/15", "198.19.1.1", false },
        { "Documentation (TEST-NET-2)", "198.51.100.0/24", "198.51.100.7", false },
        { "Documentation (TEST-NET-3)", "203.0.113.0/24", "203.0.113.9", false },
        { "Reserved", "240.0.0.0/4", "250.1.2.3", false },
        { "Limited Broadcast", "255.255.255.255/32", "255.255.255.255", false },
        { "Loopback Address", "::1/128", "::1", false },
        { "Unspecified Address", "::/128", "::", false },
        { "IPv4-mapped Address (private IPv4 inside)", "::ffff:0:0/96", "::ffff:10.0.0.1", false },
        { "IPv4-IPv6 Translat. (public IPv4 inside)", "64:ff9b::/96", "64:ff9b::93.184.215.14", true },
        { "IPv4-IPv6 Translat. (local-use)", "64:ff9b:1::/48", "64:ff9b:1::a9fe:a9fe", false },
        { "Discard-Only Address Block", "100::/64", "100::1", false },
        { "Dummy IPv6 Prefix", "100:0:0:1::/64", "100:0:0:1::1", false },
        { "IETF Protocol Assignments", "2001::/23", "2001:100::1", false },
        { "TEREDO", "2001::/32", "2001:0:4136:e378:8000:63bf:3fff:fdd2", false },
        { "Port Control Protocol Anycast", "2001:1::1/128", "2001:1::1", true },
        { "Traversal Using Relays around NAT Anycast", "2001:1::2/128", "2001:1::2", true },
        { "DNS-SD Service Registration Protocol Anycast", "2001:1::3/128", "2001:1::3", true },
        { "Benchmarking", "2001:2::/48", "2001:2::1", false },
        { "AMT", "2001:3::/32", "2001:3::1", true },
        { "AS112-v6", "2001:4:112::/48", "2001:4:112::1", true },
        { "Deprecated (previously ORCHID)", "2001:10::/28", "2001:10::1", false },
        { "ORCHIDv2", "2001:20::/28", "2001:20::1", true },
        { "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "2001:30::/28", "2001:30::1", true },
        { "Documentation", "2001:db8::/32", "2001:db8::1", false },
        { "6to4 (private IPv4 inside)", "2002::/16", "2002:a00:1::1", false },
        { "6to4 (public IPv4 inside)", "2002::/16", "2002:5db8:d70e::1", true },
        { "Direct Delegation AS112 Service", "2620:4f:8000::/48", "2620:4f:8000::1", true },
        { "Documentation", "3fff::/20", "3fff::1", false },
        { "Segment Routing (SRv6) SIDs", "5f00::/16", "5f00::1", false },
        { "Unique-Local", "fc00::/7", "fd00:ec2::254", false },
        { "Link-Local Unicast", "fe80::/10", "fe80::1", false },
    };

    /// <summary>Outside the special-purpose registries, and refused too.</summary>
    public static TheoryData<string, string> AlsoRefused => new()
    {
        { "IPv4 multicast", "239.255.255.250" },
        { "IPv4 multicast, local network", "224.0.0.1" },
        { "IPv6 multicast", "ff02::1" },
        { "IPv6 multicast, global scope", "ff0e::1" },
        { "Site-local (deprecated)", "fec0::1" },
        { "IPv4-compatible (deprecated), public IPv4 inside", "::93.184.215.14" },
        { "SIIT IPv4-translated ::ffff:0:0:0/96, metadata inside", "::ffff:0:a9fe:a9fe" },
        { "SIIT IPv4-translated ::ffff:0:0:0/96, public IPv4 inside", "::ffff:0:5db8:d70e" },
        { "IPv4-mapped metadata", "::ffff:169.254.169.254" },
        { "NAT64 metadata", "64:ff9b::a9fe:a9fe" },
        { "6to4 loopback", "2002:7f00:1::" },
    };

    public static TheoryData<string> RefusedAddresses()
    {
        var refused = new TheoryData<string>();
        foreach (var row in Registry.Where(row => !(bool)row[3]))
        {
            refused.Add((string)row[2]);
        }

        foreach (var row in AlsoRefused)
        {
            refused.Add((string)row[1]);
        }

        return refused;
    }

    [Theory]
    [MemberData(nameof(Registry))]
    public async Task AnAddressInsideEachRegistryEntry_IsAcceptedExactlyWhenGloballyReachable(
        string entry, string prefix, string address, bool globallyReachable)
    {
        Assert.True(Inside(prefix, IPAddress.Parse(address)), $"{address} is not inside {entry} {prefix}");

        var refusal = await Policy().RefusalAsync(Url(address), CancellationToken.None);

        Assert.True(globallyReachable == refusal is null, $"{entry} {prefix}: {address} was {(refusal is null ? "accepted" : "refused")}");
    }

    [Theory]
    [MemberData(nameof(AlsoRefused))]
    public async Task MulticastDeprecatedAndWrappedForms_AreRefused(string what, string address)
    {
        Assert.NotNull(await Policy().RefusalAsync(Url(address), CancellationToken.None));
        Assert.False(WebhookAddressRules.IsPublic(IPAddress.Parse(address)), what);
    }

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public async Task AHostResolvingToARefusedAddress_IsRefusedWhenConnecting_BeforeAnySocket(string address)
    {
        using var sender = new WebhookSender(
            allowPrivateNetworks: false, timeout: TimeSpan.FromSeconds(2), resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse(address) }));
        var ping = JsonSerializer.Serialize(new { id = "evt_test", type = "ping", data = new { } });

        var attempt = await sender.SendAsync(
            new WebhookMessage(new Uri("https://rebinding.example:9/hooks"), "evt_test", DateTimeOffset.UtcNow, ping, [WebhookSecret.New()]),
            CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.HttpStatus);
        Assert.StartsWith("refused:", attempt.Error);
    }

    /// <summary>Bit by bit: <see cref="IPNetwork.Contains"/> says no IPv4-mapped address is inside ::ffff:0:0/96.</summary>
    private static bool Inside(string prefix, IPAddress address)
    {
        var network = IPNetwork.Parse(prefix);
        var (first, other) = (network.BaseAddress.GetAddressBytes(), address.GetAddressBytes());
        return first.Length == other.Length
               && Enumerable.Range(0, network.PrefixLength).All(bit => ((first[bit / 8] ^ other[bit / 8]) & (0x80 >> (bit % 8))) == 0);
    }

    private static WebhookUrlPolicy Policy() =>
        new(allowPrivateNetworks: false, (host, _) => throw new InvalidOperationException($"{host} is a literal; nothing resolves it"));

    private static string Url(string address) =>
        IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"https://[{address}]/hooks" : $"https://{address}/hooks";
}
