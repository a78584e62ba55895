using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Workspaces;

internal sealed class WorkspaceDirectory(IInvitationsDbContext db) : IWorkspaceDirectory
{
    public Task<WorkspaceCard?> FindAsync(WorkspaceId id, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking()
            .Where(w => w.Id == id)
            .Select(w => new WorkspaceCard(w.Id, w.Name, w.Branding, w.SeatLimit, w.Policy))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<WorkspaceId, WorkspaceCard>> CardsAsync(
        IReadOnlyCollection<WorkspaceId> ids, CancellationToken cancellationToken) =>
        await db.Workspaces.AsNoTracking()
            .Where(w => ids.Contains(w.Id))
            .Select(w => new WorkspaceCard(w.Id, w.Name, w.Branding, w.SeatLimit, w.Policy))
            .ToDictionaryAsync(card => card.Id, cancellationToken);

    public Task<TeamRef?> FindTeamAsync(WorkspaceId id, string? title, CancellationToken cancellationToken)
    {
        var normalized = NormalizedTeamTitle(title);
        return db.Workspaces.AsNoTracking()
            .Where(w => w.Id == id)
            .SelectMany(w => w.Teams)
            .Where(t => t.NormalizedTitle == normalized)
            .Select(t => new TeamRef(t.Id, t.Title))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<bool> IsMemberAsync(WorkspaceId id, string normalizedEmail, CancellationToken cancellationToken) =>
        db.Members.AnyAsync(
            m => m.WorkspaceId == id && m.NormalizedEmail == normalizedEmail,
            cancellationToken);

    public async Task<BulkInvitingContext?> BulkInvitingContextAsync(
        WorkspaceId id, IReadOnlyCollection<string?> teamTitles, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        var titles = teamTitles.Select(NormalizedTeamTitle).Distinct().ToList();
        var read = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == id)
            .Select(w => new
            {
                Card = new WorkspaceCard(w.Id, w.Name, w.Branding, w.SeatLimit, w.Policy),
                Teams = w.Teams.Where(t => titles.Contains(t.NormalizedTitle)).Select(t => new { t.NormalizedTitle, Ref = new TeamRef(t.Id, t.Title) }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (read is null)
        {
            return null;
        }

        var members = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == id && normalizedEmails.Contains(m.NormalizedEmail))
            .Select(m => m.NormalizedEmail)
            .ToListAsync(cancellationToken);
        return new BulkInvitingContext(
            read.Card, read.Teams.ToDictionary(t => t.NormalizedTitle, t => t.Ref), members.ToHashSet(), NormalizedTeamTitle);
    }

    public void Admit(
        WorkspaceId id, long userId, EmailAddress email, string? firstName, string? lastName, Role role, TeamRef team, DateTimeOffset now,
        Metadata metadata) =>
        db.Members.Add(Member.Join(id, userId, email, firstName, lastName, role, team, now, metadata));

    private static string NormalizedTeamTitle(string? title) => Team.NormalizedTitleOf(title);
}
