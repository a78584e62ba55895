namespace Invitations.Api.ErrorHandling;

/// <summary>A body an endpoint reads itself (not through model binding) that it can't read; the message says why, to the client.</summary>
internal sealed class UnreadableBodyException(string detail, int status = 400) : Exception(detail)
{
    public int Status { get; } = status;
}
