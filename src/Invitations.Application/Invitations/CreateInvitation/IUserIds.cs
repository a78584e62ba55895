namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// User ids for new invitations, reserved up front from the sequence members draw from too, so that an invitation's
/// resource (and its events) show its id before it is saved. Reserved in blocks: an id not used is a gap, nothing more.
/// </summary>
public interface IUserIds
{
    ValueTask<long> NextAsync(CancellationToken cancellationToken);

    /// <summary><paramref name="count"/> ids at once (a bulk create), in one round trip at most.</summary>
    ValueTask<IReadOnlyList<long>> NextAsync(int count, CancellationToken cancellationToken);
}
