using MediatR;

namespace Invitations.Application.Invitations.ExpireOverdueInvitations;

/// <summary>Marks every pending invitation past its expiry as expired. Returns how many changed.</summary>
public sealed record ExpireOverdueInvitationsCommand(int BatchSize = 5000) : IRequest<int>;
