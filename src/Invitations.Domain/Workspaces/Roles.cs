using System.Collections.Frozen;

namespace Invitations.Domain.Workspaces;

/// <summary>The wire names of roles (snake_case) and who may do what.</summary>
public static class Roles
{
    private static readonly FrozenDictionary<Role, string> Names = new Dictionary<Role, string>
    {
        [Role.Owner] = "owner",
        [Role.Admin] = "admin",
        [Role.TeamSupervisor] = "team_supervisor",
        [Role.Teammate] = "teammate",
        [Role.Agent] = "agent",
        [Role.Collaborator] = "collaborator",
        [Role.Editor] = "editor",
        [Role.Viewer] = "viewer",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Role> ByName =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Name(this Role role) => Names[role];

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name?.Trim() ?? "", out role);

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new ArgumentException($"Unknown role '{name}'.", nameof(name));

    public static bool CanInvite(this Role role) => role is Role.Owner or Role.Admin;

    /// <summary>Seniority, highest first: owner, admin, team supervisor, then everyone else alike.</summary>
    public static int Rank(this Role role) => role switch
    {
        Role.Owner => 0,
        Role.Admin => 1,
        Role.TeamSupervisor => 2,
        _ => 3,
    };
}
