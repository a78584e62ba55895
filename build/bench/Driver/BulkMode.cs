using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Bench;

/// <summary>
/// One bulk request of --count rows (JSON, send_email true): its round trip on loopback (an upper bound of the server's
/// time: it includes sending the rows and reading every row's result), then the time from the response to the last of
/// its emails accepted by the SMTP sink (the sink's own arrival stamps).
/// </summary>
internal static class BulkMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Int("count", 1000);
        var prefix = options["prefix"];
        var sinkLog = options["sink-log"];
        var timeout = TimeSpan.FromSeconds(options.Int("timeout-seconds", 300));
        var emails = Enumerable.Range(1, count).Select(i => $"{prefix}-{i}@bench.invalid").ToList();
        var body = JsonSerializer.Serialize(new { invitations = emails.Select(email => new { email, role = "teammate" }) });
        using var http = new HttpClient { BaseAddress = new Uri(options["api"]), Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/workspaces/{options["workspace"]}/invitations/bulk")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", options["key"]);

        var logStart = new FileInfo(sinkLog).Length; // Only deliveries logged from now on can be ours.
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var requestSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var answeredAt = DateTimeOffset.UtcNow;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"bulk: {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 500)]}");
            return 1;
        }

        var created = JsonDocument.Parse(answer).RootElement.GetProperty("summary").GetProperty("created").GetInt32();
        var expected = emails.ToDictionary(e => e, _ => answeredAt);
        var arrived = await BurstMode.WaitForDeliveriesAsync(sinkLog, logStart, expected, timeout);
        var lastArrival = arrived.Values.DefaultIfEmpty(answeredAt).Max();

        Report.Write("created", created);
        Report.Write("request_seconds", requestSeconds);
        Report.Write("response_kb", answer.Length / 1024.0);
        Report.Write("delivered", arrived.Count);
        Report.Write("undelivered", count - arrived.Count);
        // An email can land before the response has been read in full; "no wait" then, never a negative one.
        Report.Write("email_seconds", Math.Max(0, (lastArrival - answeredAt).TotalSeconds));
        Report.Write("first_email_seconds", (arrived.Values.DefaultIfEmpty(answeredAt).Min() - answeredAt).TotalSeconds);
        return 0;
    }
}
