using Invitations.Application.Common;
using MailKit;
using MailKit.Net.Smtp;

namespace Invitations.Infrastructure.Email;

/// <summary>A connected, signed-in SMTP client: every message of a drain goes over it, and it says goodbye to the server once.</summary>
internal sealed class SmtpSession(SmtpClient client, SmtpOptions smtp) : IEmailSession
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(MimeMessages.From(message), cancellationToken);
        }
        catch (CommandException e) when (client.IsConnected)
        {
            // The server refused this message (a recipient, the data); the connection still serves the others.
            throw new EmailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", connectionLost: false, e);
        }
        catch (Exception e) when (SmtpEmailSender.IsConnectionFailure(e) || e is CommandException)
        {
            throw new EmailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", connectionLost: true, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (SmtpEmailSender.IsConnectionFailure(e) || e is CommandException)
        {
            // Saying goodbye to a server that is already gone changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}
