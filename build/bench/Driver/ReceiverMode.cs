using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bench;

/// <summary>
/// A webhook endpoint on loopback for the whole bench: answers every POST 200 at once and logs each
/// <c>invitation.created</c> as "&lt;unix µs&gt; &lt;invitee email&gt;" in --log (the sink's format, so the burst
/// reads either), stamped when the request arrived. --port-file gets the port.
/// </summary>
internal static class ReceiverMode
{
    public static async Task<int> RunAsync(Options options)
    {
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            var at = Report.UnixMicros(DateTimeOffset.UtcNow);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            if (body.RootElement.GetProperty("type").GetString() == "invitation.created")
            {
                var email = body.RootElement.GetProperty("data").GetProperty("invitation").GetProperty("email").GetString();
                lines.Writer.TryWrite($"{at} {email?.ToLowerInvariant()}");
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();

        await ArrivalLog.AnnouncePortAsync(options["port-file"], new Uri(app.Urls.First()).Port);
        await ArrivalLog.WriteUntilStoppedAsync(lines.Reader, options["log"]);
        await app.StopAsync();
        return 0;
    }
}
