namespace Invitations.Domain.Workspaces;

public readonly record struct WorkspaceId(Guid Value)
{
    public static WorkspaceId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
