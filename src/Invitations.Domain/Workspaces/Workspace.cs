using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

public sealed class Workspace : AggregateRoot
{
    public const int MaxNameLength = 200;

    private readonly List<Team> _teams = [];

    private Workspace()
    {
    }

    public WorkspaceId Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Branding Branding { get; private set; } = Branding.None;

    public IReadOnlyList<Team> Teams => _teams;

    public static Workspace Create(string name, DateTimeOffset now)
    {
        var workspace = new Workspace { Id = WorkspaceId.New(), Name = name.Trim(), CreatedAt = now };
        workspace._teams.Add(new Team(workspace.Id, Team.DefaultTitle));
        return workspace;
    }

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

    public void ChangeBranding(Branding branding) => Branding = branding;
}
