using System.Runtime.InteropServices;
using Invitations.IntegrationTests.Support;

namespace Bench;

/// <summary>
/// The API's SMTP server for the whole bench (creates always send email). Each delivered message becomes a line
/// "&lt;unix µs&gt; &lt;recipient&gt;" in --log, stamped with the time the server accepted it, so another process
/// (the burst) can time deliveries. The server keeps every message in memory; the script asks for a clear
/// (by creating --clear-file) only when no email is owed, so clearing cannot drop a message that is arriving.
/// </summary>
internal static class SinkMode
{
    public static async Task<int> RunAsync(Options options)
    {
        await using var server = SmtpTestServer.Start();
        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true; // Leave through the loop, so the log is complete.
            stop.Cancel();
        });

        var clearFile = options["clear-file"];
        await using var log = new StreamWriter(new FileStream(options["log"], FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        // Written then renamed, so the script never reads half a port number.
        var portFile = options["port-file"];
        await File.WriteAllTextAsync(portFile + ".tmp", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(portFile + ".tmp", portFile, overwrite: true);

        var logged = 0;
        while (!stop.IsCancellationRequested)
        {
            var messages = server.Messages;
            for (; logged < messages.Count; logged++)
            {
                foreach (var recipient in messages[logged].Recipients)
                {
                    await log.WriteLineAsync($"{Report.UnixMicros(messages[logged].ReceivedAt)} {recipient.ToLowerInvariant()}");
                }
            }

            await log.FlushAsync();
            if (File.Exists(clearFile))
            {
                server.Clear();
                logged = 0;
                File.Delete(clearFile);
            }

            try
            {
                await Task.Delay(20, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }
}
