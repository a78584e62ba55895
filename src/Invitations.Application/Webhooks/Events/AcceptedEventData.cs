using System.Text.Json;
using Invitations.Application.Invitations;

namespace Invitations.Application.Webhooks.Events;

/// <summary><c>data</c> of <c>invitation.accepted</c>: the invitation and the member it became, with the metadata it carried.</summary>
public sealed record AcceptedEventData(InvitationResponse Invitation, AcceptedMember Member);

public sealed record AcceptedMember(long UserId, JsonElement Metadata);
