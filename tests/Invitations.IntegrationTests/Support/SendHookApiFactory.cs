using Invitations.Application.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// No workers, and the real SMTP sender wrapped so that a test can act while a batch is being sent: after the dispatcher
/// claimed and locked it, and before it records the outcome, which is where a concurrent revoke, accept or resend bites.
/// </summary>
public class SendHookApiFactory : NoWorkersApiFactory
{
    /// <summary>Runs just before the real send; null runs nothing.</summary>
    public Func<EmailMessage, Task>? BeforeSend { get; set; }

    /// <summary>Runs once the real send has returned; null runs nothing.</summary>
    public Func<EmailMessage, Task>? AfterSend { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IEmailSender));
            services.Remove(real);
            services.AddSingleton<IEmailSender>(provider =>
                new HookedSender((IEmailSender)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), this));
        });
    }

    private sealed class HookedSender(IEmailSender inner, SendHookApiFactory factory) : IEmailSender
    {
        public async Task<IEmailSession> ConnectAsync(CancellationToken cancellationToken) =>
            new HookedSession(await inner.ConnectAsync(cancellationToken), factory);
    }

    private sealed class HookedSession(IEmailSession inner, SendHookApiFactory factory) : IEmailSession
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (factory.BeforeSend is { } before)
            {
                await before(message);
            }

            await inner.SendAsync(message, cancellationToken);
            if (factory.AfterSend is { } after)
            {
                await after(message);
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
