namespace Invitations.Application.Common;

/// <summary>The mail server could not be reached or refused the message; worth another attempt later.</summary>
public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
