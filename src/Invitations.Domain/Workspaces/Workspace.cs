using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

public sealed partial class Workspace : AggregateRoot
{
    public const int MaxNameLength = 200;

    private Workspace()
    {
    }

    public WorkspaceId Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Branding Branding { get; private set; } = Branding.None;

    /// <summary>How many seats members and pending invitations may hold together; null: no limit (contract §12).</summary>
    public int? SeatLimit { get; private set; }

    /// <summary>Who invites whom; <see cref="InvitationPolicy.Default"/> until an owner or admin sets one.</summary>
    public InvitationPolicy Policy { get; private set; } = InvitationPolicy.Default;

    public static Workspace Create(string name, DateTimeOffset now)
    {
        var workspace = new Workspace { Id = WorkspaceId.New(), Name = name.Trim(), CreatedAt = now };
        workspace._teams.Add(new Team(workspace.Id, Team.DefaultTitle));
        return workspace;
    }

    public void ChangeBranding(Branding branding) => Branding = branding;

    /// <summary>Lowering it below what is in use is allowed and removes nothing: it only refuses what would need a seat.</summary>
    public void SetSeatLimit(int? limit) => SeatLimit = limit is < 1
        ? throw new DomainException(ErrorCodes.InvalidSeatLimit, "seat_limit must be at least 1, or null for no limit.")
        : limit;

    public void ChangePolicy(Actor actor, InvitationPolicy policy)
    {
        InvitationPolicy.EnsureMayManage(actor);
        if (actor.WorkspaceId != Id)
        {
            throw new DomainException(ErrorCodes.CannotManagePolicy, "A key changes only its own workspace's policy.");
        }

        Policy = policy.InviterRoles.Contains(Role.Owner)
            ? policy
            : throw new DomainException(ErrorCodes.InvalidPolicy, "inviter_roles must contain owner.");
    }
}
