using System.Net;
using System.Net.Sockets;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may reach when private networks are not allowed: those IANA's special-purpose registries call
/// globally reachable, and any address outside them (<see cref="SpecialPurposeAddresses"/>). An IPv6 address that wraps an
/// IPv4 address a well-known way (IPv4-mapped, the NAT64 prefix 64:ff9b::/96, 6to4) is judged as that IPv4 address, since
/// that is where the packets end up.
/// </summary>
internal static class WebhookAddressRules
{
    private static readonly string[] MetadataHosts = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data"];

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
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }

        var judged = Unwrapped(address);
        return SpecialPurposeAddresses.Find(judged)?.GloballyReachable ?? true;
    }

    private static IPAddress Unwrapped(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return Nat64.Contains(address) ? new IPAddress(bytes[12..16])
            : SixToFour.Contains(address) ? new IPAddress(bytes[2..6])
            : address;
    }
}
