using System.Net;

namespace Invitations.IntegrationTests.JoinLinks;

/// <summary>
/// A join answers the same bytes whatever becomes of the address (contract §13), so no answer tells who is a member, who is
/// already invited or which domains are refused; and behind that answer, every rule of a create still applies.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class JoinOracleTests(ServiceHost api)
{
    [Fact]
    public async Task TheAnswer_IsTheSameBytes_ForANewAddress_AMember_APendingAddress_AndARefusedDomain()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (link, token) = await api.CreateJoinLinkAsync(workspace, new { allowed_domains = new[] { "example.com" } });
        var pending = Mailbox.NewAddress("pending");
        var pendingId = await api.InvitationIdAsync(workspace, pending);
        var fresh = Mailbox.NewAddress("fresh");
        var addresses = new[] { fresh, workspace.OwnerEmail, pending, $"outsider-{Guid.NewGuid():N}@elsewhere.test" };

        var answers = new List<(HttpStatusCode Status, string? Type, byte[] Body)>();
        foreach (var address in addresses)
        {
            var response = await api.JoinAsync(token, address);
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync()));
        }

        await api.WaitForJoinsAsync();
        Assert.All(answers, a => Assert.Equal(answers[0], a, AnswerComparer.Instance));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Status);
        Assert.Equal("""{"status":"invitation_sent"}"""u8.ToArray(), answers[0].Body);
        var made = Assert.Single(await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link)))!;
        Assert.Equal(fresh, (string?)made["email"]);
        Assert.Equal(2, (await api.InvitationsAsync(workspace)).Count); // the fresh one, and the pending one as it was
        Assert.Equal(pendingId, (await api.InvitationsAsync(workspace)).Single(i => (string?)i["email"] == pending)["id"]!.GetValue<Guid>());
        Assert.Equal(1, (int)(await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["uses"]!);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(fresh));
        Assert.Empty(api.Smtp.To(workspace.OwnerEmail));
        Assert.Empty(api.Smtp.To(pending));
        Assert.Empty(api.Smtp.To(addresses[3]));
    }

    [Fact]
    public async Task TheLinksDomains_AndThePolicysDomains_BothApply()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetPolicyAsync(workspace, new { blocked_domains = new[] { "lab.corp.example" } });
        var (link, token) = await api.CreateJoinLinkAsync(workspace, new { allowed_domains = new[] { "example.com", "*.corp.example" } });
        var admitted = new[] { $"a-{Guid.NewGuid():N}@example.com", $"d-{Guid.NewGuid():N}@eng.corp.example" };
        var refused = new[] { $"b-{Guid.NewGuid():N}@other.example", $"c-{Guid.NewGuid():N}@lab.corp.example", $"e-{Guid.NewGuid():N}@corp.example" };

        foreach (var address in admitted.Concat(refused))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(token, address)).StatusCode);
        }

        await api.WaitForJoinsAsync();
        var made = await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link));
        Assert.Equal(admitted.Order(), made.Select(i => (string)i!["email"]!).Order());
        Assert.Equal(["*.corp.example", "example.com"], (await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link)))["allowed_domains"]!.AsArray()
            .Select(d => (string)d!).Order());
    }

    [Fact]
    public async Task AJoinNeedsASeat_AndWithoutOneMakesNothing_AndCountsNoUse()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.SetSeatLimitAsync(workspace, 1); // the owner's
        var (link, token) = await api.CreateJoinLinkAsync(workspace);
        var first = Mailbox.NewAddress("no-seat");

        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(token, first)).StatusCode);
        await api.WaitForJoinsAsync();
        var withoutSeat = await api.GetJoinLinkAsync(workspace, JoinLinkScenario.IdOf(link));
        await api.SetSeatLimitAsync(workspace, 2);
        Assert.Equal(HttpStatusCode.Accepted, (await api.JoinAsync(token, first)).StatusCode);
        await api.WaitForJoinsAsync();

        Assert.Equal(0, (int)withoutSeat["uses"]!);
        Assert.Equal(first, (string?)Assert.Single(await api.JoinLinkInvitationsAsync(workspace, JoinLinkScenario.IdOf(link)))!["email"]);
        Assert.Equal(0, (int?)(await api.SeatsAsync(workspace))["available"]);
    }

    /// <summary>Status, content type and body, byte for byte.</summary>
    private sealed class AnswerComparer : IEqualityComparer<(HttpStatusCode Status, string? Type, byte[] Body)>
    {
        public static readonly AnswerComparer Instance = new();

        public bool Equals((HttpStatusCode Status, string? Type, byte[] Body) x, (HttpStatusCode Status, string? Type, byte[] Body) y) =>
            x.Status == y.Status && x.Type == y.Type && x.Body.AsSpan().SequenceEqual(y.Body);

        public int GetHashCode((HttpStatusCode Status, string? Type, byte[] Body) obj) => obj.Status.GetHashCode();
    }
}
