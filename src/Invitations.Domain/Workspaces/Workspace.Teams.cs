using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

/// <summary>The workspace's teams: each invitation and member belongs to one, and every workspace starts with its default team.</summary>
public sealed partial class Workspace
{
    private readonly List<Team> _teams = [];

    public IReadOnlyList<Team> Teams => _teams;

    public Team DefaultTeam => FindTeam(Team.DefaultTitle)!;

    public Team? FindTeam(string title) => _teams.Find(t => t.NormalizedTitle == Team.Normalize(title));

    public Team AddTeam(string title)
    {
        if (FindTeam(title) is not null)
        {
            throw new DomainException(ErrorCodes.TeamExists, $"A team titled '{title.Trim()}' already exists.");
        }

        var team = new Team(Id, title.Trim());
        _teams.Add(team);
        return team;
    }
}
