namespace Invitations.Application.Authorization;

/// <summary>What a caller must be allowed to do before a route acts for them, or answers them from memory (an idempotency key).</summary>
public enum CallerRule
{
    /// <summary>Invite people and manage invitations: create, bulk create, resend, revoke.</summary>
    MayInvite,

    /// <summary>Create and change webhook endpoints.</summary>
    MayManageWebhooks,

    /// <summary>Read and set the workspace's invitation policy.</summary>
    MayManagePolicy,

    /// <summary>Make, read, disable and rotate the workspace's join links.</summary>
    MayManageJoinLinks,
}
