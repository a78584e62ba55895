namespace Invitations.Application.Invitations.ExpireOverdueInvitations;

/// <summary>The expiry sweep's statement: one batch expired, and its <c>invitation.expired</c> events written in it.</summary>
public interface IExpirySweep
{
    /// <summary>
    /// Expires up to <paramref name="batchSize"/> pending invitations past their expiry at <paramref name="now"/>, oldest
    /// expiry first, and in the same statement writes an <c>invitation.expired</c> event for those whose workspace has a
    /// subscribed endpoint. Returns how many were expired.
    /// </summary>
    Task<int> ExpireBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
