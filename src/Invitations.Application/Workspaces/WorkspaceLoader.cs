using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Workspaces;

internal static class WorkspaceLoader
{
    public static async Task<Workspace> LoadWorkspaceAsync(
        this IInvitationsDbContext db, WorkspaceId id, CancellationToken cancellationToken) =>
        await db.Workspaces.Include(w => w.Teams).SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
        ?? throw NotFound(id);

    /// <summary>The workspace's card; an unknown workspace is refused as not found.</summary>
    public static async Task<WorkspaceCard> CardAsync(this IWorkspaceDirectory workspaces, WorkspaceId id, CancellationToken cancellationToken) =>
        await workspaces.FindAsync(id, cancellationToken) ?? throw NotFound(id);

    public static DomainException NotFound(WorkspaceId id) =>
        new(ErrorCodes.WorkspaceNotFound, $"Workspace {id} does not exist.");

    public static DomainException TeamNotFound(string? title) =>
        new(ErrorCodes.TeamNotFound, $"No team titled '{title?.Trim()}' exists in this workspace.");
}
