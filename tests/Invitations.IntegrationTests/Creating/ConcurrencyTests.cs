using System.Net;
using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Creating;

[Collection(ServiceHostCollection.Name)]
public sealed class ConcurrencyTests(ServiceHost api)
{
    [Fact]
    public async Task Create_FiftyConcurrentForSameAddress_LeavesOnePendingAndFortyNineDuplicates()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var spellings = Enumerable.Range(0, 50).Select(i => (i % 3) switch
        {
            0 => "Race@Example.com",
            1 => "  race@example.COM ",
            _ => "RACE@example.com",
        });

        var responses = await Task.WhenAll(spellings.Select(email => api.InviteAsync(workspace, email, sendEmail: false)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(49, conflicts.Count);
        foreach (var conflict in conflicts)
        {
            Assert.Contains("duplicate-pending", await conflict.Content.ReadAsStringAsync());
        }

        var pending = await api.DbAsync(db => db.Invitations.CountAsync(
            i => i.NormalizedEmail == "race@example.com" && i.Status == InvitationStatus.Pending));
        Assert.Equal(1, pending);
    }

    [Fact]
    public async Task Accept_TwentyConcurrentOfOneInvitation_MakesExactlyOneMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, "once@example.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.AcceptAsync(token)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var members = await api.DbAsync(db => db.Members.Where(m => m.NormalizedEmail == "once@example.com").ToListAsync());
        var member = Assert.Single(members);
        Assert.Equal(invitation["user_id"]!.GetValue<long>(), member.UserId);
    }
}
