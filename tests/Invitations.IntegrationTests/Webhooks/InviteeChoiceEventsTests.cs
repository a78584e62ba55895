using System.Net;
using System.Text.Json.Nodes;
using static Invitations.IntegrationTests.Support.WebhookScenario;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>What subscribers learn of the invitee's choices: a decline with its reason, an accept with the metadata carried over.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class InviteeChoiceEventsTests(ServiceHost api) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Declined_ArrivesSigned_WithTheReason_AndTheInvitationAsGetShowsIt()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.declined");
        var (invitation, token) = await api.InviteWithTokenAsync(
            workspace, Mailbox.NewAddress("declining"), extra: new { metadata = new { ticket = "T-9" }, locale = "fr-CA" });
        var id = invitation["id"]!.GetValue<Guid>();

        await (await api.DeclineAsync(token, "Déjà membre ailleurs", block: true)).ReadJsonAsync(HttpStatusCode.OK);

        var declined = await _receiver.EventAsync("invitation.declined", id);
        Assert.True(StandardWebhookVerifier.Verify(hook.Secret, declined.Headers, declined.Body), $"Bad signature on {declined.Body}");
        Assert.Equal("Déjà membre ailleurs", declined.Json.GetProperty("data").GetProperty("reason").GetString());
        var reported = InvitationOf(declined);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, id), reported);
        Assert.Equal("declined", (string?)reported["status"]);
        Assert.Equal("fr-CA", (string?)reported["locale"]);
        Assert.Equal("""{"ticket":"T-9"}""", reported["metadata"]!.ToJsonString());
        Assert.DoesNotContain(token, declined.Body);
    }

    [Fact]
    public async Task Declined_WithoutAReason_SaysSo()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.declined");
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("quiet"));

        await (await api.DeclineAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var declined = await _receiver.EventAsync("invitation.declined", invitation["id"]!.GetValue<Guid>());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, declined.Json.GetProperty("data").GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Accepted_CarriesTheMetadataToTheMember()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.accepted");
        var metadata = new JsonObject { ["account"] = "acme-42", ["seats"] = 5 };
        var (invitation, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("joining"), extra: new { metadata });
        var id = invitation["id"]!.GetValue<Guid>();

        await (await api.AcceptAsync(token)).ReadJsonAsync(HttpStatusCode.OK);

        var accepted = await _receiver.EventAsync("invitation.accepted", id);
        var member = JsonNode.Parse(accepted.Json.GetProperty("data").GetProperty("member").GetRawText())!;
        Assert.Equal(invitation["user_id"]!.GetValue<long>(), (long)member["user_id"]!);
        Assert.Equal(metadata.ToJsonString(), member["metadata"]!.ToJsonString());
        AssertSameInvitation(await api.GetInvitationAsync(workspace, id), InvitationOf(accepted));
    }
}
