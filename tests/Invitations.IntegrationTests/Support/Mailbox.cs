using System.Text.RegularExpressions;

namespace Invitations.IntegrationTests.Support;

/// <summary>Reading the test SMTP server's mailbox: the server is shared by the classes of a collection, so every look is by recipient.</summary>
public static partial class Mailbox
{
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(20);

    public static string NewAddress(string label) => $"{label}-{Guid.NewGuid():N}@example.com";

    public static bool IsTo(this ReceivedMessage message, string address) =>
        message.Recipients.Any(r => string.Equals(r, address, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<ReceivedMessage> To(this SmtpTestServer smtp, string address) =>
        smtp.Messages.Where(m => m.IsTo(address)).ToList();

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived; returns them in order.</summary>
    public static async Task<IReadOnlyList<ReceivedMessage>> WaitForMailAsync(this SmtpTestServer smtp, string address, int count = 1) =>
        await smtp.WaitForMessagesAsync(count, ArrivalTimeout, m => m.IsTo(address));

    /// <summary>The accept link of an invitation email, taken from its plain-text part.</summary>
    public static string LinkIn(ReceivedMessage message)
    {
        var match = AcceptLink().Match(message.Message.TextBody ?? "");
        Assert.True(match.Success, $"No accept link in the text part: {message.Message.TextBody}");
        return match.Value;
    }

    public static string TokenIn(ReceivedMessage message) => Scenario.TokenOf(LinkIn(message));

    public static string TokenInText(string text) => Scenario.TokenOf(AcceptLink().Match(text).Value);

    [GeneratedRegex(@"https?://[^\s/]+/invitations/accept#token=[A-Za-z0-9_-]+")]
    private static partial Regex AcceptLink();
}
