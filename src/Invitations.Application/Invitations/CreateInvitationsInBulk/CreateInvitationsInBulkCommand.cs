using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>Invites every row that can be invited; each row stands alone, except that the daily limit is all or nothing.</summary>
public sealed record CreateInvitationsInBulkCommand(
    Actor Actor, IReadOnlyList<BulkInvitationRow> Rows, BulkInvitationDefaults? Defaults = null) : IRequest<BulkInvitationsResult>
{
    public const int MaxRows = 1000;

    /// <summary>The row-count rule's sentence: the validator's, and the body readers' that stop at the row past the limit.</summary>
    public static readonly string RowCountRule = $"Send 1 to {MaxRows} invitations.";
}
