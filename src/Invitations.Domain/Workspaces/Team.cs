namespace Invitations.Domain.Workspaces;

public sealed class Team
{
    public const string DefaultTitle = "Default team";
    public const int MaxTitleLength = 100;

    private Team()
    {
    }

    internal Team(WorkspaceId workspaceId, string title)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        Title = title;
        NormalizedTitle = Normalize(title);
    }

    public Guid Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public string Title { get; private set; } = "";

    public string NormalizedTitle { get; private set; } = "";

    public TeamRef ToRef() => new(Id, Title);

    public static string Normalize(string title) => title.Trim().ToLowerInvariant();

    /// <summary>The normalized title a request names, the default team's when it names none.</summary>
    public static string NormalizedTitleOf(string? title) => Normalize(string.IsNullOrWhiteSpace(title) ? DefaultTitle : title);
}
