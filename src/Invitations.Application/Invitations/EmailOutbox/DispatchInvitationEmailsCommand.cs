using MediatR;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// Sends owed invitation emails in batches over one SMTP connection until none is due, the server can't be reached, or the
/// dispatcher is asked to stop (then what was sent is recorded and the rest given back before it returns).
/// </summary>
public sealed record DispatchInvitationEmailsCommand(int BatchSize = 100) : IRequest<DispatchReport>;
