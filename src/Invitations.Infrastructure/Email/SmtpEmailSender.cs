using System.Net.Sockets;
using Invitations.Application.Common;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Email;

internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(MimeMessages.From(message), cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException or ProtocolException or CommandException or TimeoutException
                                      or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException)
        {
            throw new EmailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", e);
        }
    }
}
