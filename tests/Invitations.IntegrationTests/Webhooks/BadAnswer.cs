using System.Net.Sockets;
using System.Text;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// A way a webhook receiver can answer badly, what status the sender can read from it (0: none), and whether the answer
/// broke off after its status line (then a 2xx is still a success, and the kept excerpt says it broke off).
/// </summary>
public sealed record BadAnswer(string Name, int Status, bool BreaksOff, Func<RawHttpReceiver> Start)
{
    public static readonly IReadOnlyList<BadAnswer> All =
    [
        new("a body cut short", 200, true, () => RawHttpReceiver.Answering("200 OK\r\nContent-Length: 1000", "short answer"u8.ToArray())),
        new("a reset after the headers", 200, true, () => RawHttpReceiver.Start(async socket =>
        {
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"u8.ToArray());
            await Task.Delay(300); // the headers are read by then; the body never comes
            socket.LingerState = new LingerOption(true, 0);
            socket.Close(); // RST
        })),
        new("a NUL in the first characters", 200, false, () => RawHttpReceiver.Answering200("ok\0\0 and then\u0001\u001b[31m more"u8.ToArray())),
        new("invalid UTF-8", 202, false, () => RawHttpReceiver.Answering(
            "202 Accepted\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 10", [0x6F, 0x6B, 0x20, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0xC0, 0xAF])),
        new("a surrogate encoded in UTF-8 (CESU)", 200, false, () => RawHttpReceiver.Answering200([0x6F, 0x6B, 0x20, 0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF])),
        new("a pair of surrogates split by the excerpt's end", 200, false, () =>
            RawHttpReceiver.Answering200(Encoding.UTF8.GetBytes(new string('a', 255) + "\U0001F600\U0001F600 tail"))),
        new("binary with a 500", 500, false, () => RawHttpReceiver.Answering(
            "500 Internal Server Error\r\nContent-Type: application/octet-stream\r\nContent-Length: 4096", Binary(4096))),
        new("a body past 64 KB", 200, false, () => RawHttpReceiver.Answering200(Encoding.UTF8.GetBytes("\0" + new string('x', 100_000)))),
    ];

    public override string ToString() => Name;

    /// <summary>The same bytes every run, every value of a byte among them (NUL, controls, lone UTF-8 continuations).</summary>
    private static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(23).NextBytes(bytes);
        return bytes;
    }
}
