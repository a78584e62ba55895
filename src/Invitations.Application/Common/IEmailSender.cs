namespace Invitations.Application.Common;

public interface IEmailSender
{
    /// <summary>Connects (and signs in) once; the session then sends many messages over that one connection.</summary>
    Task<IEmailSession> ConnectAsync(CancellationToken cancellationToken);
}

public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
