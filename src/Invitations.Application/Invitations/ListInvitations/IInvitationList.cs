using Invitations.Application.Common;

namespace Invitations.Application.Invitations.ListInvitations;

/// <summary>
/// The invitations list as a read model. Its keyset compares (created_at, id) as one row value, which only the database
/// provider can say, so the query lives in Infrastructure.
/// </summary>
internal interface IInvitationList
{
    /// <summary>Up to <paramref name="take"/> of the workspace's invitations that match the query, newest first, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<InvitationResponse>> PageAsync(
        ListInvitationsQuery query, PageCursor? after, int take, DateTimeOffset now, CancellationToken cancellationToken);
}
