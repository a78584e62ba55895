using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invitations.IntegrationTests.Support;

namespace Invitations.IntegrationTests.Operations;

/// <summary>The mail viewer build/run.sh starts (smtp4dev), read through its own API as a newcomer's browser would show it.</summary>
public sealed partial class MailViewer(Uri address) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = address };

    /// <summary>The viewer whose address build/run.sh printed.</summary>
    public static MailViewer PrintedIn(string runOutput)
    {
        var printed = Printed().Match(runOutput);
        Assert.True(printed.Success, runOutput);
        return new MailViewer(new Uri(printed.Groups[1].Value));
    }

    /// <summary>The messages (id, from, to, subject), once <paramref name="enough"/> says they are all there.</summary>
    public async Task<JsonArray> WaitForMessagesAsync(Func<JsonArray, bool> enough)
    {
        var deadline = DateTimeOffset.UtcNow + Mailbox.ArrivalTimeout;
        while (true)
        {
            var messages = (await _client.GetFromJsonAsync<JsonObject>("/api/messages"))!["results"]!.AsArray();
            if (enough(messages) || DateTimeOffset.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public Task<string> PlainTextAsync(JsonNode message) => _client.GetStringAsync($"/api/messages/{message["id"]}/plaintext");

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"Mail viewer: +(http://127\.0\.0\.1:\d+)")]
    private static partial Regex Printed();
}
