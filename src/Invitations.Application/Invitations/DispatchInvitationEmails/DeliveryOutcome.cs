using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.DispatchInvitationEmails;

/// <summary>What became of one claimed email; <see cref="Status"/> pending means "try again at <see cref="NextAttemptAt"/>".</summary>
public sealed record DeliveryOutcome(
    InvitationId InvitationId,
    int Number,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? Error);
