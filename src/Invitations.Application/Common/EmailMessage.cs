namespace Invitations.Application.Common;

public sealed record EmailMessage(
    string From,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    string MessageId);
