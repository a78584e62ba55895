using MailKit.Security;

namespace Invitations.Infrastructure.Email;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
