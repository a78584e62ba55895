using Invitations.Infrastructure.Persistence;
using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// What is kept of a receiver's answer: the start of its body, as text that can be stored (<see cref="StoredText"/>). At
/// most <see cref="MaxBytes"/> are read. By the time the body is read its status has decided the attempt, so a body that
/// breaks off (cut short, reset, too slow) keeps what came and says that it broke off, instead of failing the attempt.
/// </summary>
internal static class ResponseExcerpt
{
    public const int MaxBytes = 64 * 1024;
    public const int Length = 256;

    public static async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes);
        try
        {
            var read = 0;
            string? brokeOff = null;
            try
            {
                await using var stream = await content.ReadAsStreamAsync(cancellationToken);
                while (read < MaxBytes && await stream.ReadAsync(buffer.AsMemory(read, MaxBytes - read), cancellationToken) is var n and > 0)
                {
                    read += n;
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
            {
                brokeOff = $" [broke off after {read} bytes: {Reason(e)}]";
            }

            var start = StoredText.Clean(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, Length * 4)), Length - (brokeOff?.Length ?? 0));
            return brokeOff is not null ? (start + brokeOff).TrimStart() : read > 0 ? start : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "timed out",
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => "the body ended early",
        { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
        HttpRequestException http => http.HttpRequestError.ToString(),
        _ => e.GetType().Name,
    };
}
