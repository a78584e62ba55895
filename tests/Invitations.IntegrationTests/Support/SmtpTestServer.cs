using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Invitations.IntegrationTests.Support;

public sealed record ReceivedMessage(
    string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw, MimeMessage Message, DateTimeOffset ReceivedAt);

/// <summary>
/// In-process SMTP sink for integration tests, on the SmtpServer library: plain ESMTP on loopback, accepts any AUTH,
/// records every message, and can be switched into failure modes at runtime so retry paths can be exercised.
/// </summary>
public sealed class SmtpTestServer : IMessageStore, IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Task _running;
    private TaskCompletionSource _messageArrived = NewSignal();
    private int _connectionCount;
    private int _disposed;

    private SmtpTestServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint((IPEndPoint)_listener.LocalEndpoint)
                .AllowUnsecureAuthentication()
                .SessionTimeout(Timeout.InfiniteTimeSpan)) // A sender may keep its connection for a whole test.
            .CommandWaitTimeout(Timeout.InfiniteTimeSpan)
            .Build();
        var services = new ServiceProvider();
        services.Add(new Listener(this));
        services.Add(this);
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => CanDeliverTo(to)));
        services.Add(new DelegatingUserAuthenticator((_, _) => true));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public static SmtpTestServer Start() => new();

    public int Port { get; }

    /// <summary>Total accepted connections, refused ones included.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>When true, new connections get a 421 greeting and are closed (MailKit throws on Connect).</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>When true, a message's DATA is answered with 451, a transient failure the sender is expected to retry.</summary>
    public bool RejectData { get; set; }

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

        await _stop.CancelAsync();
        await _running;
        _listener.Stop();
        _stop.Dispose();
    }

    // Recorded before the reply goes back, so Messages is current by the time the sender's Send returns.
    async Task<SmtpResponse> IMessageStore.SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
    {
        // The moment the whole message had arrived, not the moment the (possibly delayed) reply went back.
        var receivedAt = DateTimeOffset.UtcNow;
        if (RejectData)
        {
            return new SmtpResponse(SmtpReplyCode.Aborted, "Try again later");
        }

        if (DelayPerMessage > TimeSpan.Zero)
        {
            await Task.Delay(DelayPerMessage, ct);
        }

        // The library hands over the data without the line break that ends its last line (it goes with the final dot).
        byte[] raw = [.. buffer.ToArray(), .. "\r\n"u8];
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(raw, writable: false), ct);
        }
        catch (FormatException ex)
        {
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, $"Message could not be parsed: {ex.Message}".ReplaceLineEndings(" "));
        }

        TaskCompletionSource signal;
        lock (_gate)
        {
            var recipients = transaction.To.Select(to => to.AsAddress()).ToList();
            _messages.Add(new ReceivedMessage(transaction.From.AsAddress() ?? "", recipients, raw, message, receivedAt));
            (signal, _messageArrived) = (_messageArrived, NewSignal());
        }

        signal.TrySetResult();
        return SmtpResponse.Ok;
    }

    // Thrown rather than answered false so the reply says "No such mailbox" (the library's own: "mailbox unavailable").
    private bool CanDeliverTo(IMailbox to) => RejectRecipient?.Invoke(to.AsAddress()) == true
        ? throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "No such mailbox"))
        : true;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Accepts connections in place of the library's own listener, for what that one cannot do: turn Nagle's algorithm off
    /// (replies to pipelined commands are small writes in a row, and with Nagle the second waits ~40 ms for the client's
    /// delayed acknowledgement, once per message, as no production mail server would), and refuse before the greeting.
    /// </summary>
    private sealed class Listener(SmtpTestServer server) : IEndpointListenerFactory, IEndpointListener
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => this;

        // The library survives a throw here (a client that reset before the accept completed): it accepts the next one.
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var client = await server._listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                Interlocked.Increment(ref server._connectionCount);
                if (!server.RefuseConnections)
                {
                    return new PlainPipe(client);
                }

                using (client)
                {
                    await client.GetStream().WriteAsync("421 Service not available\r\n"u8.ToArray(), cancellationToken);
                }
            }
        }

        public void Dispose()
        {
        }
    }

    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());

        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The test server speaks plain SMTP only (STARTTLS is not offered).");

        public void Dispose() => client.Dispose();
    }
}
