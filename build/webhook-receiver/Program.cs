using System.Text;
using System.Text.Json.Nodes;
using WebhookReceiver;

// Listens on loopback only: it is for the service on the same machine, started with build/run.sh --allow-private-webhooks.
var port = Option("--port") ?? "9000";
var secret = Option("--secret") ?? Environment.GetEnvironmentVariable("WEBHOOK_SECRET");
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();

app.MapGet("/", () => "webhook-receiver: POST events here\n");
app.MapPost("/{**path}", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();
    var verdict = secret is null
        ? "signature not checked (no --secret)"
        : StandardWebhookSignature.Check(secret, request.Headers, body, DateTimeOffset.UtcNow);
    Print($"webhook-receiver: {Summary(body)}: {verdict}");

    // A bad signature is answered 401, so the service records a failed attempt a reader can see in the deliveries.
    return verdict == StandardWebhookSignature.Verified || secret is null ? Results.NoContent() : Results.Unauthorized();
});

Print($"webhook-receiver: listening on http://127.0.0.1:{port}/ ({(secret is null ? "no secret: signatures are not checked" : "checking signatures")})");
app.Run();

// One write per line: the terminal (or a script's pipe) this shares with others never gets a line cut by another's output.
static void Print(string line)
{
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(Encoding.UTF8.GetBytes(line + "\n"));
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

// One line per event: its type and id, and the invitation it is about.
static string Summary(byte[] body)
{
    try
    {
        var e = JsonNode.Parse(body);
        var invitation = e?["data"]?["invitation"];
        var about = invitation is null ? "" : $" invitation {invitation["id"]} ({invitation["email"]}, {invitation["status"]})";
        return $"{e?["type"]} {e?["id"]}{about}";
    }
    catch (System.Text.Json.JsonException)
    {
        return $"a body that is not JSON ({Encoding.UTF8.GetString(body).Length} characters)";
    }
}
