using Invitations.Application.Common;
using MimeKit;

namespace Invitations.Infrastructure.Email;

internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage email)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = email.MessageId,
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}
