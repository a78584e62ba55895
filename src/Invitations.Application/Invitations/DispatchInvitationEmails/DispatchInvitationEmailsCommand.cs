using MediatR;

namespace Invitations.Application.Invitations.DispatchInvitationEmails;

/// <summary>Sends owed invitation emails in batches over one SMTP connection until none is due (or the server is unreachable).</summary>
public sealed record DispatchInvitationEmailsCommand(int BatchSize = 100) : IRequest<DispatchReport>
{
    /// <summary>How long one batch may keep its invitations locked while sending; the rest of the batch goes back.</summary>
    public static readonly TimeSpan BatchSendingBudget = TimeSpan.FromSeconds(2);
}
