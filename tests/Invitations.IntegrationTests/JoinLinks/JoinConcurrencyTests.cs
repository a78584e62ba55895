using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// <c>max_uses</c> under concurrency (contract §13): joins run side by side never make more invitations than the link allows
/// (on two processes: <see cref="JoinAcrossProcessesTests"/>).
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinConcurrencyTests(ServiceHost api)
{
    private const int MaxUses = 5;
    private const int Joins = 20;

    [Fact]
    public async Task TwentyJoinsRunSideBySide_MakeExactlyFive_AndCountFiveUses()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, _) = await api.CreateJoinLinkAsync(workspace, new { max_uses = MaxUses });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Joins)
            .Select(i => Task.Run(() => api.JoinNowAsync(JoinLinkScenario.IdOf(link), Mailbox.NewAddress($"side{i}")))));

        Assert.Equal(MaxUses, outcomes.Count(o => o.InvitationId is not null));
        Assert.All(outcomes.Where(o => o.InvitationId is null), o => Assert.Equal("join-link-closed", o.Refusal));
        Assert.Equal(MaxUses, await api.DbAsync(db => db.Invitations.CountAsync(i => i.WorkspaceId == new Invitations.Domain.Workspaces.WorkspaceId(workspace.Id))));
        Assert.Equal(MaxUses, (int)(await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["uses"]!);
    }
}
