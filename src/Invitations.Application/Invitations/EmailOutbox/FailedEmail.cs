using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

public sealed record FailedEmail(InvitationId InvitationId, int Number, string Error);
