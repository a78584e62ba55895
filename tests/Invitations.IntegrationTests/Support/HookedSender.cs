using Invitations.Application.Common;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The real sender, wrapped so that a test can act while a batch is being sent: after the dispatcher claimed and locked
/// it, and before it records the outcome, which is where a concurrent revoke, accept or resend bites.
/// </summary>
internal sealed class HookedSender(IEmailSender inner, ApiFactory host) : IEmailSender
{
    public async Task<IEmailSession> ConnectAsync(CancellationToken cancellationToken) =>
        new HookedSession(await inner.ConnectAsync(cancellationToken), host);

    private sealed class HookedSession(IEmailSession inner, ApiFactory host) : IEmailSession
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (host.BeforeSend is { } before)
            {
                await before(message);
            }

            await inner.SendAsync(message, cancellationToken);
            if (host.AfterSend is { } after)
            {
                await after(message);
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
