using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Invitations;

/// <summary>
/// An address that asked, when declining, not to be invited to the workspace again: every later create for it is refused until
/// the workspace lifts it. One per (workspace, address), keyed by the address's identity (lower case).
/// </summary>
public sealed class OptOut
{
    private OptOut()
    {
    }

    public WorkspaceId WorkspaceId { get; private set; }

    public string NormalizedEmail { get; private set; } = "";

    /// <summary>As the invitation spelled it.</summary>
    public string Email { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static OptOut Of(Invitation invitation, string? reason, DateTimeOffset now) => new()
    {
        WorkspaceId = invitation.WorkspaceId,
        NormalizedEmail = invitation.NormalizedEmail,
        Email = invitation.Email,
        Reason = reason,
        CreatedAt = now,
    };

    /// <summary>Who declined, and why, is for owners and admins: listing and lifting opt-outs is theirs.</summary>
    public static void EnsureMayManage(Actor actor)
    {
        if (!actor.Role.CanInvite())
        {
            throw new DomainException(ErrorCodes.CannotInvite, "Only owners and admins can see and lift opt-outs.");
        }
    }

    public static DomainException Refusal(string email) =>
        new(ErrorCodes.InviteeOptedOut,
            $"{email} declined an earlier invitation and asked not to be invited to this workspace again; an owner or admin can lift that.");
}
