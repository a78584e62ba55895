namespace Invitations.Domain.Workspaces;

public enum Role
{
    Owner,
    Admin,
    TeamSupervisor,
    Teammate,
    Agent,
    Collaborator,
    Editor,
    Viewer,
}
