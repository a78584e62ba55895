using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations;

/// <summary>An invitation with its newest delivery, which says where its email stands.</summary>
public sealed class InvitationWithDelivery
{
    public required Invitation Invitation { get; init; }

    public InvitationDelivery? Delivery { get; init; }

    public InvitationResponse ToResponse(DateTimeOffset now) => InvitationResponse.From(Invitation, Delivery, now);
}
