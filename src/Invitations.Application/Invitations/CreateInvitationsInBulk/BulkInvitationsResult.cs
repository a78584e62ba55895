namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <param name="Results">One per row, in input order.</param>
public sealed record BulkInvitationsResult(int Created, int Failed, IReadOnlyList<BulkRowResult> Results);
