using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>Invites every row that can be invited; each row stands alone, except that the daily limit is all or nothing.</summary>
public sealed record CreateInvitationsInBulkCommand(
    Actor Actor, IReadOnlyList<BulkInvitationRow> Rows, BulkInvitationDefaults? Defaults = null) : IRequest<BulkInvitationsResult>
{
    public const int MaxRows = 1000;
}
