using System.Net;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// IANA's IPv4 and IPv6 Special-Purpose Address Registries (iana.org/assignments/iana-ipv4-special-registry and
/// iana-ipv6-special-registry, as of 2025), with "Globally Reachable" as they give it; N/A and deprecated count as not
/// reachable. Below them, the few blocks outside those registries that a webhook may not reach either. Where blocks nest,
/// the most specific decides (192.0.0.9/32 is reachable inside the unreachable 192.0.0.0/24). Addresses that wrap an IPv4
/// address (IPv4-mapped, 64:ff9b::/96, 6to4) are unwrapped before they get here.
/// </summary>
internal static class SpecialPurposeAddresses
{
    public static readonly IReadOnlyList<SpecialPurposeBlock> Table =
    [
        Block("This network", "0.0.0.0/8", false),
        Block("This host on this network", "0.0.0.0/32", false),
        Block("Private-Use", "10.0.0.0/8", false),
        Block("Shared Address Space", "100.64.0.0/10", false),
        Block("Loopback", "127.0.0.0/8", false),
        Block("Link Local", "169.254.0.0/16", false),
        Block("Private-Use", "172.16.0.0/12", false),
        Block("IETF Protocol Assignments", "192.0.0.0/24", false),
        Block("IPv4 Service Continuity Prefix", "192.0.0.0/29", false),
        Block("IPv4 dummy address", "192.0.0.8/32", false),
        Block("Port Control Protocol Anycast", "192.0.0.9/32", true),
        Block("Traversal Using Relays around NAT Anycast", "192.0.0.10/32", true),
        Block("NAT64/DNS64 Discovery", "192.0.0.170/31", false),
        Block("Documentation (TEST-NET-1)", "192.0.2.0/24", false),
        Block("AS112-v4", "192.31.196.0/24", true),
        Block("AMT", "192.52.193.0/24", true),
        Block("Deprecated (6to4 Relay Anycast)", "192.88.99.0/24", false),
        Block("Private-Use", "192.168.0.0/16", false),
        Block("Direct Delegation AS112 Service", "192.175.48.0/24", true),
        Block("Benchmarking", "198.18.0.0/15", false),
        Block("Documentation (TEST-NET-2)", "198.51.100.0/24", false),
        Block("Documentation (TEST-NET-3)", "203.0.113.0/24", false),
        Block("Reserved", "240.0.0.0/4", false),
        Block("Limited Broadcast", "255.255.255.255/32", false),

        Block("Loopback Address", "::1/128", false),
        Block("Unspecified Address", "::/128", false),
        Block("IPv4-IPv6 Translat. (local-use)", "64:ff9b:1::/48", false),
        Block("Discard-Only Address Block", "100::/64", false),
        Block("Dummy IPv6 Prefix", "100:0:0:1::/64", false),
        Block("IETF Protocol Assignments", "2001::/23", false),
        Block("TEREDO", "2001::/32", false),
        Block("Port Control Protocol Anycast", "2001:1::1/128", true),
        Block("Traversal Using Relays around NAT Anycast", "2001:1::2/128", true),
        Block("DNS-SD Service Registration Protocol Anycast", "2001:1::3/128", true),
        Block("Benchmarking", "2001:2::/48", false),
        Block("AMT", "2001:3::/32", true),
        Block("AS112-v6", "2001:4:112::/48", true),
        Block("Deprecated (previously ORCHID)", "2001:10::/28", false),
        Block("ORCHIDv2", "2001:20::/28", true),
        Block("Drone Remote ID Protocol Entity Tags (DETs) Prefix", "2001:30::/28", true),
        Block("Documentation", "2001:db8::/32", false),
        Block("Direct Delegation AS112 Service", "2620:4f:8000::/48", true),
        Block("Documentation", "3fff::/20", false),
        Block("Segment Routing (SRv6) SIDs", "5f00::/16", false),
        Block("Unique-Local", "fc00::/7", false),
        Block("Link-Local Unicast", "fe80::/10", false),

        // Not in those registries, and no place for a webhook either.
        Block("IPv4 multicast (RFC 5771)", "224.0.0.0/4", false),
        Block("IPv6 multicast (RFC 4291)", "ff00::/8", false),
        Block("Site-local, deprecated (RFC 3879)", "fec0::/10", false),
        Block("IPv4-compatible, deprecated (RFC 4291)", "::/96", false),
        Block("IPv4-translated, SIIT (RFC 2765, obsolete)", "::ffff:0:0:0/96", false),
    ];

    /// <summary>The most specific block that holds <paramref name="address"/>, if any does.</summary>
    public static SpecialPurposeBlock? Find(IPAddress address) =>
        Table.Where(block => block.Prefix.Contains(address)).MaxBy(block => block.Prefix.PrefixLength);

    private static SpecialPurposeBlock Block(string name, string prefix, bool globallyReachable) =>
        new(name, IPNetwork.Parse(prefix), globallyReachable);
}
