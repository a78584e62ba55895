using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Invitations.IntegrationTests.Support;

public sealed record ReceivedMessage(
    string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw, MimeMessage Message, DateTimeOffset ReceivedAt);

/// <summary>
/// In-process SMTP sink for integration tests: plain ESMTP (no TLS), accepts any AUTH, records every
/// message, and can be switched into failure modes at runtime so retry paths can be exercised.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const int MaxLineBytes = 1 << 20; // A runaway client must not grow one line without bound.

    // AUTH is advertised only so senders configured with credentials can "log in".
    private const string EhloReply =
        "250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250 AUTH PLAIN LOGIN";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Task _acceptLoop;
    private TaskCompletionSource _messageArrived = NewSignal();
    private volatile bool _refuseConnections;
    private volatile bool _rejectData;
    private int _connectionCount;
    private int _disposed;

    private SmtpTestServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_cts.Token));
    }

    public static SmtpTestServer Start() => new();

    public int Port { get; }

    /// <summary>Total accepted connections, refused ones included.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>When true, new connections get a 421 greeting and are closed (MailKit throws on Connect).</summary>
    public bool RefuseConnections { get => _refuseConnections; set => _refuseConnections = value; }

    /// <summary>When true, DATA is answered with 451, a transient failure the sender is expected to retry.</summary>
    public bool RejectData { get => _rejectData; set => _rejectData = value; }

    /// <summary>Recipients for which RCPT is answered 550 (no such mailbox), a refusal of that message alone.</summary>
    public Func<string, bool>? RejectRecipient { get; set; }

    /// <summary>How long the server takes to accept each message, as a slow or distant server would.</summary>
    public TimeSpan DelayPerMessage { get; set; }

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get { lock (_gate) { return [.. _messages]; } }
    }

    /// <summary>Lets a server shared by several tests start each one with an empty mailbox.</summary>
    public void Clear()
    {
        lock (_gate) { _messages.Clear(); }
    }

    /// <summary>Returns all (matching) messages as soon as at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(
        int count, TimeSpan timeout, Func<ReceivedMessage, bool>? filter = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Snapshot and signal are taken together so a message arriving in between cannot be missed.
            ReceivedMessage[] all;
            Task arrived;
            lock (_gate) { (all, arrived) = ([.. _messages], _messageArrived.Task); }
            var matching = filter is null ? all : all.Where(filter).ToArray();
            if (matching.Length >= count)
            {
                return matching;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var received = string.Join("; ", all.Select(m => $"to={string.Join(",", m.Recipients)} subject=\"{m.Message.Subject}\""));
                throw new TimeoutException(
                    $"Expected at least {count} message(s){(filter is null ? "" : " matching the filter")} within {timeout}, " +
                    $"but {matching.Length} matched out of {all.Length} received: [{received}]. Connections accepted: {ConnectionCount}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _cts.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections.Keys);
        _cts.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // A client resetting before accept completes must not stop the server.
            }

            // Replies to pipelined commands are small writes in a row: with Nagle's algorithm the second waits for the
            // client's delayed acknowledgement (~40 ms), once per message, as no production mail server would.
            client.NoDelay = true;
            Interlocked.Increment(ref _connectionCount);
            var connection = Task.Run(() => HandleConnectionAsync(client, ct), CancellationToken.None);
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    // Never throws: connection tasks are fire-and-forget until DisposeAsync awaits them.
    private async Task HandleConnectionAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            // Closing the socket is what reliably unblocks a pending read when the server shuts down.
            await using var registration = ct.Register(client.Dispose);
            NetworkStream? stream = null;
            try
            {
                stream = client.GetStream();
                await (_refuseConnections ? WriteAsync(stream, "421 Service not available", ct) : RunSessionAsync(stream, ct));
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException
                                           or OperationCanceledException or InvalidOperationException)
            {
                // The client went away abruptly or the server is stopping: there is nobody left to tell.
            }
            catch (Exception ex)
            {
                // A server bug should reach the test as an SMTP error rather than as a silent hang.
                var detail = $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ");
                try { await WriteAsync(stream!, $"451 Test SMTP server error: {detail}", ct); } catch (Exception) { }
            }
        }
    }

    private async Task RunSessionAsync(NetworkStream stream, CancellationToken ct)
    {
        // Replies go straight to the socket; only reads are buffered, which is safe on a non-seekable stream.
        var reader = new BufferedStream(stream);
        string? mailFrom = null;
        var recipients = new List<string>();
        string Reset(string reply, string? from = null) { mailFrom = from; recipients.Clear(); return reply; }
        string AddRecipient(string to) { recipients.Add(to); return "250 OK"; }

        await WriteAsync(stream, "220 localhost ESMTP SmtpTestServer", ct);
        while (await ReadLineAsync(reader, ct) is { } lineBytes)
        {
            var line = Encoding.UTF8.GetString(lineBytes);
            var space = line.IndexOf(' ');
            var arg = space < 0 ? "" : line[(space + 1)..].Trim();
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var reply = verb switch
            {
                "EHLO" => Reset(EhloReply),
                "HELO" => Reset("250 localhost"),
                "RSET" => Reset("250 OK"),
                "NOOP" => "250 OK",
                "QUIT" => "221 Bye",
                "AUTH" => await AuthenticateAsync(arg, stream, reader, ct),
                "MAIL" when TryParsePath(arg, "FROM:", out var from) => Reset("250 OK", from),
                "MAIL" => "501 Syntax: MAIL FROM:<address>",
                "RCPT" when mailFrom is null => "503 Need MAIL before RCPT",
                "RCPT" when TryParsePath(arg, "TO:", out var to) && RejectRecipient?.Invoke(to) == true => "550 No such mailbox",
                "RCPT" when TryParsePath(arg, "TO:", out var to) && to.Length > 0 => AddRecipient(to),
                "RCPT" => "501 Syntax: RCPT TO:<address>",
                "DATA" when mailFrom is null || recipients.Count == 0 => "503 Need MAIL and RCPT before DATA",
                "DATA" when _rejectData => Reset("451 Try again later"),
                // Recorded before replying 250 so Messages is current by the time the sender's Send returns.
                "DATA" => Reset(await RecordAsync(mailFrom!, recipients, await ReadDataAsync(stream, reader, ct), ct)),
                "VRFY" or "EXPN" or "HELP" or "TURN" or "ETRN" or "STARTTLS" or "BDAT" => "502 Command not implemented",
                _ => "500 Syntax error, command unrecognized",
            };
            await WriteAsync(stream, reply, ct);
            if (verb == "QUIT")
            {
                return;
            }
        }
    }

    private async Task<string> RecordAsync(string mailFrom, List<string> recipients, byte[] raw, CancellationToken ct)
    {
        // The moment the whole message had arrived, not the moment the (possibly delayed) 250 went back.
        var receivedAt = DateTimeOffset.UtcNow;
        if (DelayPerMessage > TimeSpan.Zero)
        {
            await Task.Delay(DelayPerMessage, ct);
        }

        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(raw, writable: false));
        }
        catch (FormatException ex)
        {
            return $"554 Message could not be parsed: {ex.Message}".ReplaceLineEndings(" ");
        }

        TaskCompletionSource signal;
        lock (_gate)
        {
            _messages.Add(new ReceivedMessage(mailFrom, [.. recipients], raw, message, receivedAt));
            (signal, _messageArrived) = (_messageArrived, NewSignal());
        }

        signal.TrySetResult();
        return "250 OK queued";
    }

    // Any credentials are accepted; the first response may arrive inline with the command (SASL-IR).
    private static async Task<string> AuthenticateAsync(string arg, NetworkStream stream, BufferedStream reader, CancellationToken ct)
    {
        var parts = arg.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        string[] prompts = (parts.Length > 0 ? parts[0].ToUpperInvariant() : "") switch
        {
            "PLAIN" => ["334 "],
            "LOGIN" => ["334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6"],
            _ => [],
        };
        if (prompts.Length == 0)
        {
            return "504 Unrecognized authentication type";
        }

        foreach (var prompt in prompts.Skip(parts.Length > 1 ? 1 : 0))
        {
            await WriteAsync(stream, prompt, ct);
            if (await ReadLineAsync(reader, ct) is [(byte)'*'])
            {
                return "501 Authentication cancelled";
            }
        }

        return "235 Authentication successful";
    }

    private static bool TryParsePath(string arg, string prefix, out string path)
    {
        var rest = arg.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? arg[prefix.Length..].TrimStart() : "";
        var end = rest.IndexOf('>');
        // Lenient: some clients omit the angle brackets.
        path = rest.StartsWith('<') ? (end > 0 ? rest[1..end] : "") : rest.Split(' ', 2)[0];
        return rest.StartsWith('<') ? end > 0 : path.Length > 0;
    }

    private static async Task<byte[]> ReadDataAsync(NetworkStream stream, BufferedStream reader, CancellationToken ct)
    {
        await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>", ct);
        using var buffer = new MemoryStream();
        while (await ReadLineAsync(reader, ct) is { } line)
        {
            if (line is [(byte)'.'])
            {
                return buffer.ToArray();
            }

            var skip = line is [(byte)'.', ..] ? 1 : 0; // Undo dot-stuffing (RFC 5321 4.5.2).
            buffer.Write(line, skip, line.Length - skip);
            buffer.Write("\r\n"u8);
        }

        throw new IOException("Client disconnected in the middle of DATA; the partial message is discarded.");
    }

    private static async Task WriteAsync(NetworkStream stream, string reply, CancellationToken ct) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), ct);

    // Buffered so pipelined commands (several lines in one packet) are all seen, in order; null once the client closed.
    private static async Task<byte[]?> ReadLineAsync(BufferedStream input, CancellationToken ct)
    {
        using var line = new MemoryStream();
        var next = new byte[1];
        while (await input.ReadAsync(next, ct) == 1)
        {
            if (next[0] == (byte)'\n')
            {
                var bytes = line.ToArray();
                return bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes;
            }

            line.WriteByte(next[0]);
            if (line.Length > MaxLineBytes)
            {
                throw new InvalidDataException($"SMTP line longer than {MaxLineBytes} bytes.");
            }
        }

        return null;
    }
}
