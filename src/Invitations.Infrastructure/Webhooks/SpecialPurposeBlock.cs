using System.Net;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>One entry of a special-purpose address registry: its name, its prefix and whether it is globally reachable.</summary>
internal sealed record SpecialPurposeBlock(string Name, IPNetwork Prefix, bool GloballyReachable);
