using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// A webhook receiver on loopback that answers with bytes a test writes itself, as a broken or hostile server would: a
/// body shorter than its Content-Length, a reset after the headers, bytes that are not text. Plain TCP, so nothing between
/// it and the sender tidies the answer up. It reads each request whole before it answers, and counts them.
/// </summary>
public sealed class RawHttpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Socket, Task> _answer;
    private int _requests;

    /// <param name="answer">Writes the answer on the request's socket; the socket is closed (FIN) afterwards unless it did so.</param>
    private RawHttpReceiver(Func<Socket, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks");

    public int Requests => Volatile.Read(ref _requests);

    public static RawHttpReceiver Start(Func<Socket, Task> answer) => new(answer);

    /// <summary>Answers with a status line, headers and then exactly <paramref name="body"/>, whatever the headers claim.</summary>
    public static RawHttpReceiver Answering(string statusAndHeaders, byte[] body) => new(async socket =>
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {statusAndHeaders}\r\nConnection: close\r\n\r\n"));
        await socket.SendAsync(body);
    });

    /// <summary>200 with a correct Content-Length for <paramref name="body"/>.</summary>
    public static RawHttpReceiver Answering200(byte[] body) => Answering($"200 OK\r\nContent-Length: {body.Length}", body);

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(socket);
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await ReadRequestAsync(socket);
                Interlocked.Increment(ref _requests);
                await _answer(socket);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The sender stopped reading (a body past its limit) or the answer reset the connection itself.
            }
        }
    }

    /// <summary>Reads the headers, then as many body bytes as Content-Length says.</summary>
    private static async Task ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(received)) < 0)
        {
            var n = await socket.ReceiveAsync(buffer);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionAborted);
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var length = headers.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        for (var body = received.Count - headerEnd - 4; body < length;)
        {
            var n = await socket.ReceiveAsync(buffer);
            body += n > 0 ? n : throw new SocketException((int)SocketError.ConnectionAborted);
        }
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
