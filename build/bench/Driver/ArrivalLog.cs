using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Bench;

/// <summary>
/// What the sink and the receiver share: the port they listen on, given to the script in a file, and their log of arrivals
/// ("&lt;unix µs&gt; &lt;address&gt;" lines), written as they come until the process is asked to stop (SIGTERM).
/// </summary>
internal static class ArrivalLog
{
    /// <summary>Written then renamed, so the script never reads half a port number.</summary>
    public static async Task AnnouncePortAsync(string portFile, int port)
    {
        await File.WriteAllTextAsync(portFile + ".tmp", port.ToString(CultureInfo.InvariantCulture));
        File.Move(portFile + ".tmp", portFile, overwrite: true);
    }

    /// <summary>Appends every line to <paramref name="path"/> until SIGTERM, then what had arrived by then.</summary>
    public static async Task WriteUntilStoppedAsync(ChannelReader<string> lines, string path)
    {
        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true; // Leave through the loop, so the log is complete.
            stop.Cancel();
        });
        await using var log = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        try
        {
            while (await lines.WaitToReadAsync(stop.Token))
            {
                await WriteAsync(lines, log);
            }
        }
        catch (OperationCanceledException)
        {
            await WriteAsync(lines, log);
        }
    }

    private static async Task WriteAsync(ChannelReader<string> lines, StreamWriter log)
    {
        while (lines.TryRead(out var line))
        {
            await log.WriteLineAsync(line);
        }

        await log.FlushAsync();
    }
}
