namespace Invitations.Application.Common;

/// <param name="Language">The language it is written in (a BCP 47 tag): its <c>Content-Language</c>.</param>
public sealed record EmailMessage(
    string From,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    string MessageId,
    string Language = Languages.Default);
