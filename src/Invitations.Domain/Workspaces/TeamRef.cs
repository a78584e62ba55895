namespace Invitations.Domain.Workspaces;

/// <summary>A team as other aggregates remember it: its id and the title it had then.</summary>
public sealed record TeamRef(Guid Id, string Title);
