using Invitations.Application.Invitations.ExpireOverdueInvitations;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Expiry;

/// <summary>
/// Expiry is decided by <see cref="Invitation.IsOverdue"/>; the sweep's statement is its twin for sets and
/// <see cref="Invitation.ShownAs"/> its twin for queries. On the same rows, all three must agree; a declined invitation never
/// expires.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class ExpiryRuleAgreementTests(ManualHost api)
{
    private static readonly (string Status, double SecondsFromNow)[] Cases =
    [
        ("pending", -86400), ("pending", -1), ("pending", 0), ("pending", 1), ("pending", 86400),
        ("expired", -86400), ("expired", 3600), ("accepted", -86400), ("accepted", 3600), ("revoked", -1), ("revoked", 1),
        ("declined", -1), ("declined", 1),
    ];

    [Fact]
    public async Task SweepStatement_ListFilters_AndTheAggregate_AgreeOnEveryRow()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var now = api.FakeClock.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var (status, seconds) in Cases)
        {
            var id = await api.InvitationIdAsync(workspace);
            await api.ExecuteSqlAsync(
                "UPDATE invitations SET status = @status, expires_at = @at WHERE id = @id",
                ("status", status), ("at", now.AddSeconds(seconds)), ("id", id));
            ids.Add(id);
        }

        var aggregates = await api.DbAsync(db => db.Invitations.AsNoTracking().ToListAsync());
        var overdue = aggregates.Where(i => i.IsOverdue(now)).Select(i => i.Id.Value).Order().ToList();
        Assert.Equal(3, overdue.Count); // the cases above hold three: a day, a second and no time past their expiry

        foreach (var shown in Enum.GetValues<InvitationStatus>())
        {
            var queried = await api.DbAsync(db => db.Invitations.Where(Invitation.ShownAs(shown, now)).Select(i => i.Id.Value).ToListAsync());
            Assert.Equal(aggregates.Where(i => i.StatusAt(now) == shown).Select(i => i.Id.Value).Order(), queried.Order());
        }

        await api.SendAsync(new ExpireOverdueInvitationsCommand());

        var swept = await api.DbAsync(db => db.Invitations.AsNoTracking().ToListAsync());
        var changed = swept.Where(after => after.Status != aggregates.Single(before => before.Id == after.Id).Status).Select(i => i.Id.Value).Order();
        Assert.Equal(overdue, changed);
        Assert.All(swept.Where(i => overdue.Contains(i.Id.Value)), i => Assert.Equal(InvitationStatus.Expired, i.Status));
        Assert.All(swept, i => Assert.Equal(aggregates.Single(before => before.Id == i.Id).StatusAt(now), i.StatusAt(now)));
    }
}
