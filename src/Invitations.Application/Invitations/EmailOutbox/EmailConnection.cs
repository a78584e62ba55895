using Invitations.Application.Common;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// One SMTP connection for a whole dispatch, opened at the first message. Once the server could not be reached (or the
/// connection broke), every later message of the dispatch fails with that error at once instead of waiting out a timeout.
/// </summary>
internal sealed class EmailConnection(IEmailSender sender) : IAsyncDisposable
{
    private IEmailSession? _session;

    public string? Lost { get; private set; }

    public async Task SendAsync(EmailMessage message)
    {
        if (Lost is { } error)
        {
            throw new EmailDeliveryException(error, connectionLost: true);
        }

        try
        {
            // Not the dispatcher's stopping token: a message the server is taking is let finish (Smtp:Timeout bounds it).
            _session ??= await sender.ConnectAsync(CancellationToken.None);
            await _session.SendAsync(message, CancellationToken.None);
        }
        catch (EmailDeliveryException e) when (e.ConnectionLost)
        {
            Lost = e.Message;
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }
}
