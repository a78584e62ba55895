using System.Net;
using System.Net.Sockets;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may reach when private networks are not allowed: only public unicast ones. Loopback,
/// private (RFC 1918, unique-local), link-local (where cloud metadata services answer), carrier-grade NAT,
/// documentation, benchmark, multicast and reserved ranges are refused, also when wrapped in an IPv6 address
/// (IPv4-mapped, NAT64, 6to4).
/// </summary>
internal static class WebhookAddressRules
{
    private static readonly string[] MetadataHosts = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data"];

    private static readonly IPNetwork[] RefusedV4 = Networks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private static readonly IPNetwork[] RefusedV6 = Networks("::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>True when a host name is a cloud metadata service's or this machine's own.</summary>
    public static bool IsRefusedName(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return MetadataHosts.Contains(name) || name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal);
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !RefusedV4.Any(network => network.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes[12..16]));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes[2..6]));
        }

        return bytes[..12].All(b => b == 0)
            ? false // IPv4-compatible (deprecated) addresses
            : !RefusedV6.Any(network => network.Contains(address));
    }

    private static IPNetwork[] Networks(params string[] cidrs) => [.. cidrs.Select(IPNetwork.Parse)];
}
