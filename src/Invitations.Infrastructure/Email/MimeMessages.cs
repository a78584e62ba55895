using System.Text;
using Invitations.Application.Common;
using MimeKit;

namespace Invitations.Infrastructure.Email;

internal static class MimeMessages
{
    // 45 bytes of UTF-8 make 60 of base64: with "=?utf-8?b?" and "?=" a word stays under RFC 2047's 75 characters.
    private const int BytesPerEncodedWord = 45;

    public static MimeMessage From(EmailMessage email)
    {
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Replace(Subject(email.Subject));
        message.Body.Headers.Replace(HeaderId.ContentLanguage, email.Language); // a Content-* header belongs to the body entity
        return message;
    }

    /// <summary>
    /// The subject carries names people typed. MimeKit writes plain ASCII as it is, so a name shaped like an RFC 2047
    /// encoded-word (<c>=?utf-8?q?=0D=0ABcc:…?=</c>) would be decoded by the reader's mail client into other text, line
    /// breaks and all. Such a subject is written wholly as encoded-words of its own, which decode to exactly the typed text.
    /// </summary>
    internal static Header Subject(string subject)
    {
        var header = new Header(HeaderId.Subject, subject);
        if (!subject.Contains("=?", StringComparison.Ordinal))
        {
            return header;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in subject.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > BytesPerEncodedWord)
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(EncodedWord(chunk.ToString()));
        header.SetRawValue(Encoding.ASCII.GetBytes(" " + string.Join("\r\n ", words) + "\r\n"));
        return header;
    }

    private static string EncodedWord(string text) => $"=?utf-8?b?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}
