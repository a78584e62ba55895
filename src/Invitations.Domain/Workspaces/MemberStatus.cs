namespace Invitations.Domain.Workspaces;

public enum MemberStatus
{
    Active,
}
