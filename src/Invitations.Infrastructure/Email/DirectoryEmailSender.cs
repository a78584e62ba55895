using Invitations.Application.Common;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: for development, and for demos without a mail server.</summary>
internal sealed class DirectoryEmailSender(IOptions<EmailOptions> options) : IEmailSender, IEmailSession
{
    public Task<IEmailSession> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IEmailSession>(this);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.DirectoryPath);
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{message.MessageId.Split('@')[0]}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");

        // Written aside and renamed, so a reader never sees half a message.
        await using (var file = File.Create(temporary))
        {
            await MimeMessages.From(message).WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
