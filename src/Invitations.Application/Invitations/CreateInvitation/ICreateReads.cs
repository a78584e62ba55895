using Invitations.Application.Workspaces;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <summary>
/// What a create reads before it acts, in one round trip: the workspace (with its policy and seat limit), the team asked for
/// (the default team when none is named), whether the address is a member and whether it asked not to be invited. Null if the
/// workspace is unknown. A port, not a query to extend: the create is the hot path, and its read is compiled once.
/// </summary>
public interface ICreateReads
{
    Task<CreateReading?> ReadAsync(WorkspaceId workspaceId, string? teamTitle, string normalizedEmail, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ICreateReads"/> found.</summary>
/// <param name="Context">The workspace, the team (null when it has none of that title) and the membership.</param>
/// <param name="OptedOut">Whether the address asked this workspace not to invite it again.</param>
public sealed record CreateReading(InvitingContext Context, bool OptedOut);
