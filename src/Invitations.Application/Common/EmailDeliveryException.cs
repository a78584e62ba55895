namespace Invitations.Application.Common;

/// <param name="ConnectionLost">
/// The server could not be reached or the connection broke: nothing says this message (or any after it) was refused, so
/// no attempt is spent. Otherwise the server refused this message, and the others may still go through.
/// </param>
public sealed class EmailDeliveryException(string message, bool connectionLost, Exception? inner = null) : Exception(message, inner)
{
    public bool ConnectionLost { get; } = connectionLost;
}
