using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Bench;

/// <summary>
/// The API's SMTP server for the whole bench (creates always send email), standing in for a mail server on another machine.
/// It speaks what the API's client (MailKit) uses — EHLO with PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT — answers
/// every message 250 once its DATA has ended, and keeps nothing: each message becomes a line
/// "&lt;unix µs&gt; &lt;recipient&gt;" in --log, stamped when its DATA ended, so another process (the burst) can time
/// deliveries. Lean on purpose: it shares the API's two cores, and the integration tests' server (which parses every
/// message with MimeKit and keeps it) took ~0.7 ms of CPU per email there (build/bench/findings.md, stop 34).
/// </summary>
internal static class SinkMode
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();

    public static async Task<int> RunAsync(Options options)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var accepting = AcceptAsync(listener, lines.Writer);
        await ArrivalLog.AnnouncePortAsync(options["port-file"], ((IPEndPoint)listener.LocalEndpoint).Port);
        await ArrivalLog.WriteUntilStoppedAsync(lines.Reader, options["log"]);
        listener.Stop(); // ends the accept loop
        await accepting;
        return 0;
    }

    private static async Task AcceptAsync(TcpListener listener, ChannelWriter<string> lines)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true; // replies to pipelined commands are small writes in a row
            _ = Task.Run(() => ServeAsync(client, lines), CancellationToken.None);
        }
    }

    private static async Task ServeAsync(Socket client, ChannelWriter<string> lines)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        var input = PipeReader.Create(stream);
        var session = new Session(lines);
        try
        {
            while (true)
            {
                var replies = session.Replies;
                if (replies.Length > 0)
                {
                    await stream.WriteAsync(replies.GetBuffer().AsMemory(0, (int)replies.Length));
                    replies.SetLength(0);
                }

                if (session.Closed)
                {
                    return;
                }

                var read = await input.ReadAsync();
                var buffer = read.Buffer;
                // Every whole command (or the end of a message's DATA) in what has arrived, answered together, as a
                // pipelining client expects.
                while (!session.Closed && session.Next(ref buffer))
                {
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (IOException)
        {
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    /// <summary>One connection: the envelope so far, what it is reading, and the replies not yet sent.</summary>
    private sealed class Session
    {
        private readonly ChannelWriter<string> _lines;
        private readonly List<string> _recipients = [];
        private Reading _reading = Reading.Commands;

        public Session(ChannelWriter<string> lines)
        {
            _lines = lines;
            Replies.Write("220 sink ESMTP\r\n"u8);
        }

        private enum Reading
        {
            Commands,
            DataStart, // the first bytes of a message: "." alone here ends an empty one
            Data,
        }

        public MemoryStream Replies { get; } = new();

        public bool Closed { get; private set; }

        /// <summary>Consumes one command (or a message's whole DATA) from <paramref name="buffer"/>; false when none is whole yet.</summary>
        public bool Next(ref ReadOnlySequence<byte> buffer)
        {
            var reader = new SequenceReader<byte>(buffer);
            if (_reading != Reading.Commands)
            {
                // DATA's content begins on a line of its own, so the end is "\r\n.\r\n" — or ".\r\n" for an empty message.
                if (_reading == Reading.DataStart && buffer.Length < 3)
                {
                    return false; // not yet known whether the message is empty
                }

                var ended = (_reading == Reading.DataStart && reader.IsNext(".\r\n"u8, advancePast: true))
                    || reader.TryReadTo(out ReadOnlySequence<byte> _, EndOfData);
                if (!ended)
                {
                    // Keep the tail that may be the start of the end marker; drop the rest.
                    _reading = Reading.Data;
                    buffer = buffer.Slice(Math.Max(0, buffer.Length - (EndOfData.Length - 1)));
                    return false;
                }

                var at = Report.UnixMicros(DateTimeOffset.UtcNow);
                foreach (var recipient in _recipients)
                {
                    _lines.TryWrite($"{at} {recipient}");
                }

                _recipients.Clear();
                _reading = Reading.Commands;
                buffer = buffer.Slice(reader.Position);
                Replies.Write("250 2.0.0 queued\r\n"u8);
                return true;
            }

            if (!reader.TryReadTo(out ReadOnlySequence<byte> lineBytes, (byte)'\n'))
            {
                return false;
            }

            buffer = buffer.Slice(reader.Position);
            var line = Encoding.UTF8.GetString(lineBytes).TrimEnd('\r');
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            Replies.Write(verb switch
            {
                "EHLO" => "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n"u8,
                "HELO" => "250 sink\r\n"u8,
                "MAIL" => Reset("250 2.1.0 ok\r\n"u8),
                "RCPT" => Recipient(line),
                "DATA" when _recipients.Count > 0 => Data(),
                "DATA" => "503 5.5.1 no recipients\r\n"u8,
                "RSET" => Reset("250 2.0.0 ok\r\n"u8),
                "NOOP" => "250 2.0.0 ok\r\n"u8,
                "QUIT" => Quit(),
                _ => "502 5.5.2 not implemented\r\n"u8,
            });
            return true;
        }

        private ReadOnlySpan<byte> Reset(ReadOnlySpan<byte> reply)
        {
            _recipients.Clear();
            return reply;
        }

        private ReadOnlySpan<byte> Recipient(string line)
        {
            var open = line.IndexOf('<');
            var close = line.IndexOf('>', open + 1);
            if (open < 0 || close < 0)
            {
                return "501 5.1.3 bad address\r\n"u8;
            }

            _recipients.Add(line[(open + 1)..close].ToLowerInvariant());
            return "250 2.1.5 ok\r\n"u8;
        }

        private ReadOnlySpan<byte> Data()
        {
            _reading = Reading.DataStart;
            return "354 end with <CRLF>.<CRLF>\r\n"u8;
        }

        private ReadOnlySpan<byte> Quit()
        {
            Closed = true;
            return "221 2.0.0 bye\r\n"u8;
        }
    }
}
