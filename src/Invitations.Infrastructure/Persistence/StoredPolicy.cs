using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invitations.Domain.Workspaces;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// A workspace's invitation policy as one <c>jsonb</c> value, in the words of the API (snake_case, domains as written in their
/// ASCII form, roles by name). Read back leniently: a rule that no longer parses is dropped, never a failed load.
/// </summary>
internal static class StoredPolicy
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// Policies read lately, by their stored text: every create reads its workspace's, and parsing it again each time was a
    /// fortieth of a create's CPU (build/benchmarks.md). A policy is an immutable value, so one instance serves every reader.
    /// </summary>
    private static readonly ConcurrentDictionary<string, InvitationPolicy> Recent = new(StringComparer.Ordinal);

    private const int RecentLimit = 1024;

    public const string DefaultJson = """{"allowed_domains":[],"blocked_domains":[],"max_expires_in_days":null,"inviter_roles":["owner","admin"]}""";

    public static string Write(InvitationPolicy policy) => JsonSerializer.Serialize(
        new Shape(
            policy.AllowedDomains.Select(d => d.ToString()).ToList(),
            policy.BlockedDomains.Select(d => d.ToString()).ToList(),
            policy.MaxExpiresInDays,
            policy.InviterRoles.Select(r => r.Name()).ToList()),
        Json);

    public static InvitationPolicy Read(string json)
    {
        if (Recent.TryGetValue(json, out var known))
        {
            return known;
        }

        var policy = Parse(json);
        if (Recent.Count >= RecentLimit)
        {
            Recent.Clear(); // a crude bound: a busy node holds its busiest workspaces' policies again within moments
        }

        Recent[json] = policy;
        return policy;
    }

    private static InvitationPolicy Parse(string json)
    {
        var shape = JsonSerializer.Deserialize<Shape>(json, Json);
        if (shape is null)
        {
            return InvitationPolicy.Default;
        }

        var roles = (shape.InviterRoles ?? []).Select(name => Roles.TryParse(name, out var role) ? role : (Role?)null).OfType<Role>().ToList();
        return new InvitationPolicy(
            Patterns(shape.AllowedDomains),
            Patterns(shape.BlockedDomains),
            shape.MaxExpiresInDays,
            roles.Contains(Role.Owner) ? roles : InvitationPolicy.Default.InviterRoles);
    }

    /// <summary>Domain rules as stored (here, and a join link's), read back as leniently as the rest.</summary>
    public static List<DomainPattern> Patterns(IEnumerable<string>? texts) =>
        (texts ?? []).Select(text => DomainPattern.TryParse(text, out var pattern) ? pattern : null).OfType<DomainPattern>().ToList();

    private sealed record Shape(List<string>? AllowedDomains, List<string>? BlockedDomains, int? MaxExpiresInDays, List<string>? InviterRoles);
}
