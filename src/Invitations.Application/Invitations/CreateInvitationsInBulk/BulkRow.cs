using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Common;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>A bulk row on its way: as given, as its own create would be, and what became of it.</summary>
internal sealed class BulkRow(int index, BulkInvitationRow given, CreateInvitationCommand create)
{
    public int Index { get; } = index;

    public BulkInvitationRow Given { get; } = given;

    public CreateInvitationCommand Create { get; } = create;

    public EmailAddress? Email { get; init; }

    /// <summary>Why the row was not created; null while it may be.</summary>
    public (BulkRowStatus Status, Exception Error)? Outcome { get; set; }

    public InvitationResponse? Created { get; set; }
}
