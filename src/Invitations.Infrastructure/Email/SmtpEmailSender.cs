using System.Net.Sockets;
using Invitations.Application.Common;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Email;

/// <summary>One SMTP connection per session: connect and sign in once, then send every message of the drain over it.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task<IEmailSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(await ConnectSocketAsync(smtp, cancellationToken), smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return new SmtpSession(client, smtp);
        }
        catch (Exception e) when (IsConnectionFailure(e) || e is CommandException)
        {
            client.Dispose();
            throw new EmailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", connectionLost: true, e);
        }
    }

    /// <summary>
    /// The TCP connection with Nagle's algorithm off. A message ends with a short write (the final ".") that Nagle holds
    /// back until the server acknowledges the body, and the server delays that acknowledgement (~40 ms on Linux) while it
    /// waits for the rest: one stall per message, which on a reused connection capped a dispatcher at ~25 emails/s.
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        try
        {
            await socket.ConnectAsync(smtp.Host, smtp.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection within {smtp.Timeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsConnectionFailure(Exception e) =>
        e is SocketException or IOException or ProtocolException or TimeoutException or OperationCanceledException { InnerException: TimeoutException }
            or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException;
}
