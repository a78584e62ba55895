namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>What became of a row; written in snake_case (<c>duplicate_pending</c>).</summary>
public enum BulkRowStatus
{
    Created,
    DuplicatePending,
    AlreadyMember,
    Invalid,
    TeamNotFound,
    DuplicateInRequest,

    /// <summary>The address declined an earlier invitation and asked not to be invited again.</summary>
    OptedOut,

    /// <summary>The workspace's invitation policy does not allow the address's domain.</summary>
    DomainNotAllowed,
}
