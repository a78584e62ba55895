using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Workspaces;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.Persistence.ReadModels;

/// <summary>
/// The create's read as an EF Core compiled query: translated once, so a request builds and hashes no expression tree (the
/// profile of a create found that a tenth of what it allocated; build/benchmarks.md).
/// </summary>
internal sealed class CreateReads(InvitationsDbContext db) : ICreateReads
{
    private static readonly Func<InvitationsDbContext, WorkspaceId, string, string, CancellationToken, Task<CreateReading?>> Read =
        EF.CompileAsyncQuery((InvitationsDbContext db, WorkspaceId id, string normalizedTitle, string normalizedEmail, CancellationToken cancellationToken) =>
            db.Workspaces.AsNoTracking()
                .Where(w => w.Id == id)
                .Select(w => new CreateReading(
                    new InvitingContext
                    {
                        Workspace = new WorkspaceCard(w.Id, w.Name, w.Branding, w.SeatLimit, w.Policy),
                        Team = w.Teams.Where(t => t.NormalizedTitle == normalizedTitle).Select(t => new TeamRef(t.Id, t.Title)).FirstOrDefault(),
                        IsMember = db.Members.Any(m => m.WorkspaceId == id && m.NormalizedEmail == normalizedEmail),
                    },
                    db.OptOuts.Any(o => o.WorkspaceId == id && o.NormalizedEmail == normalizedEmail)))
                .SingleOrDefault());

    public Task<CreateReading?> ReadAsync(WorkspaceId workspaceId, string? teamTitle, string normalizedEmail, CancellationToken cancellationToken) =>
        Read(db, workspaceId, Team.NormalizedTitleOf(teamTitle), normalizedEmail, cancellationToken);
}
