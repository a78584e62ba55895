using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using static Invitations.IntegrationTests.Support.WebhookScenario;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>Every lifecycle event reaches a subscribed endpoint, signed, carrying the invitation as the native API shows it.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebhookEventsTests(ServiceHost api) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Lifecycle_EachChangeArrivesSigned_WithTheInvitationAsTheApiShowsItAfterTheChange()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url);
        var client = api.ClientWithKey(workspace.ApiKey);

        var emailed = await api.InvitationIdAsync(workspace, Mailbox.NewAddress("emailed"), sendEmail: true);
        var created = await EventAsync("invitation.created", emailed);
        Assert.Equal("pending", (string?)InvitationOf(created)["status"]);
        Assert.Equal("queued", (string?)InvitationOf(created)["email_status"]);
        var sent = await EventAsync("invitation.email_sent", emailed);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, emailed), InvitationOf(sent));

        (await client.PostAsync($"{ApiClients.Native(workspace)}/{emailed}/resend", null)).EnsureSuccessStatusCode();
        var resent = await EventAsync("invitation.resent", emailed);
        Assert.Equal("queued", (string?)InvitationOf(resent)["email_status"]);
        await _receiver.WaitForCountAsync(w => w.Type == "invitation.email_sent" && InvitationIdOf(w) == emailed, 2, JobScenario.Patience);

        var revoked = await (await client.PostAsync($"{ApiClients.Native(workspace)}/{emailed}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        AssertSameInvitation(revoked, InvitationOf(await EventAsync("invitation.revoked", emailed)));

        var (linked, token) = await api.InviteWithTokenAsync(workspace, Mailbox.NewAddress("linked"));
        var linkedId = linked["id"]!.GetValue<Guid>();
        (await api.AcceptAsync(token)).EnsureSuccessStatusCode();
        var accepted = await EventAsync("invitation.accepted", linkedId);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, linkedId), InvitationOf(accepted));
        Assert.Equal(linked["user_id"]!.GetValue<long>(), accepted.Json.GetProperty("data").GetProperty("member").GetProperty("user_id").GetInt64());

        var overdue = await api.InvitationIdAsync(workspace);
        await api.ExecuteSqlAsync("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", overdue));
        Assert.Equal(1, await api.SendAsync(new ExpireOverdueInvitationsCommand()));
        var expired = await EventAsync("invitation.expired", overdue);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, overdue), InvitationOf(expired));

        foreach (var received in _receiver.Received)
        {
            Assert.True(StandardWebhookVerifier.Verify(hook.Secret, received.Headers, received.Body), $"Bad signature on {received.Body}");
            Assert.Equal(received.Id, received.Json.GetProperty("id").GetString());
            Assert.StartsWith("evt_", received.Id);
            Assert.Equal(workspace.Id, received.Json.GetProperty("workspace_id").GetGuid());
            Assert.Equal(["created_at", "data", "id", "type", "workspace_id"], received.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.DoesNotContain("accept_url", received.Body);
            Assert.DoesNotContain(token, received.Body);
        }

        // Each change once: created ×2, email_sent ×2, resent, revoked, accepted; the overdue one was created too.
        Assert.Equal(_receiver.Received.Count, _receiver.Received.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("invite-teammate")]
    [InlineData("workspace-invite")]
    public async Task CompatibilityRouteCreate_IsReportedLikeANativeOne(string route)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.created");
        var email = Mailbox.NewAddress(route);

        var response = route == "invite-teammate"
            ? await api.BearerClient(workspace.ApiKey).PostAsJsonAsync(ApiClients.InviteTeammate, new { email, team_title = "Default team", role = "agent" })
            : await api.WorkspaceInviteClient(workspace.ApiKey, workspace.Id.ToString())
                .PostAsJsonAsync(ApiClients.WorkspaceInvite(workspace.Id), new { email, role = "editor" });
        response.EnsureSuccessStatusCode();

        var id = await api.InvitationIdByEmailAsync(workspace, email);
        var created = await EventAsync("invitation.created", id);
        // The email may have gone out since the event was written: it says what was true at the create.
        Assert.Equal("queued", (string?)InvitationOf(created)["email_status"]);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, id), InvitationOf(created), "email_status", "email_sent_at");
    }

    [Fact]
    public async Task EmailRefused_EachFailedAttemptIsReported_TheLastOneAsFinal()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.email_failed");
        var email = Mailbox.NewAddress("refused");
        api.Smtp.RejectRecipient = to => to.Equals(email, StringComparison.OrdinalIgnoreCase);

        var id = await api.InvitationIdAsync(workspace, email, sendEmail: true);

        // Email:RetryDelaysSeconds is 1,1 here: three attempts, the third final.
        var failures = await _receiver.WaitForCountAsync(w => InvitationIdOf(w) == id, 3, JobScenario.Patience);
        Assert.Equal([false, false, true], failures.Select(f => f.Json.GetProperty("data").GetProperty("final").GetBoolean()));
        Assert.All(failures, f => Assert.Equal("invitation.email_failed", f.Type));
        var final = InvitationOf(failures[^1]);
        Assert.Equal("failed", (string?)final["email_status"]);
        Assert.Contains("No such mailbox", (string?)final["last_email_error"]);
        AssertSameInvitation(await api.GetInvitationAsync(workspace, id), final);
    }

    [Fact]
    public async Task SubscribedEvents_OnlyThoseArrive_AndOtherWorkspacesChangesNever()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var other = await api.CreateWorkspaceAsync("Other");
        await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.revoked");
        await using var otherReceiver = await WebhookReceiver.StartAsync();
        await api.RegisterWebhookAsync(other, otherReceiver.Url);

        var id = await api.InvitationIdAsync(workspace);
        (await api.ClientWithKey(workspace.ApiKey).PostAsync($"{ApiClients.Native(workspace)}/{id}/revoke", null)).EnsureSuccessStatusCode();
        var otherId = await api.InvitationIdAsync(other);
        await otherReceiver.WaitForAsync(w => w.Type == "invitation.created" && InvitationIdOf(w) == otherId, JobScenario.Patience);
        await EventAsync("invitation.revoked", id);

        Assert.Equal(["invitation.revoked"], _receiver.Received.Select(r => r.Type));
        Assert.DoesNotContain(otherReceiver.Received, r => InvitationIdOf(r) == id);
    }

    /// <summary>
    /// A node writes the creates of a workspace nobody listens to without their event (no body rendered for nobody); the write
    /// itself refuses one that an endpoint now subscribes to, so the endpoint hears the very next create wherever it was added.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEndpointAddedAfterUnheardCreates_HearsTheNextCreate_AsGetShowsIt(bool addedOnAnotherNode)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await using var other = new SecondHost(api, serverEnabled: false);
        var unheard = new[] { await api.InvitationIdAsync(workspace), await api.InvitationIdAsync(workspace) };

        var subscribe = new { url = _receiver.Url.ToString(), events = new[] { "invitation.created" } };
        var registrar = addedOnAnotherNode ? other.ClientWithKey(workspace.ApiKey) : api.ClientWithKey(workspace.ApiKey);
        await (await registrar.PostAsJsonAsync(WebhookScenario.Webhooks(workspace), subscribe)).ReadJsonAsync(HttpStatusCode.Created);
        var heard = await api.InvitationIdAsync(workspace);

        AssertSameInvitation(await api.GetInvitationAsync(workspace, heard), InvitationOf(await EventAsync("invitation.created", heard)));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE id = @id", ("id", heard)));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM webhook_events WHERE workspace_id = @w", ("w", workspace.Id)));
        Assert.DoesNotContain(_receiver.Received, r => InvitationIdOf(r) is { } id && unheard.Contains(id));
    }

    [Fact]
    public async Task Sweep_ReportsExpired_ToAnEndpointThatListsIt_AndWritesNoneWhereNoEndpointDoes()
    {
        var listening = await api.CreateWorkspaceAsync();
        var deaf = await api.CreateWorkspaceAsync("Deaf");
        await api.RegisterWebhookAsync(listening, _receiver.Url, "invitation.revoked", "invitation.expired");
        await using var deafReceiver = await WebhookReceiver.StartAsync();
        await api.RegisterWebhookAsync(deaf, deafReceiver.Url, "invitation.created");
        var heard = await api.InvitationIdAsync(listening);
        var unheard = await api.InvitationIdAsync(deaf);
        await deafReceiver.EventAsync("invitation.created", unheard);
        await api.ExecuteSqlAsync("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ANY (@ids)", ("ids", new[] { heard, unheard }));

        await api.SendAsync(new ExpireOverdueInvitationsCommand());

        AssertSameInvitation(await api.GetInvitationAsync(listening, heard), InvitationOf(await EventAsync("invitation.expired", heard)));
        Assert.Equal("expired", (string?)(await api.GetInvitationAsync(deaf, unheard))["status"]);
        Assert.Equal(["invitation.expired"], _receiver.Received.Select(r => r.Type));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM webhook_events WHERE workspace_id = @w AND type = 'invitation.expired'", ("w", deaf.Id)));
    }

    [Fact]
    public async Task Test_SendsASignedPingWithEmptyData()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var hook = await api.RegisterWebhookAsync(workspace, _receiver.Url, "invitation.accepted");

        var response = await api.ClientWithKey(workspace.ApiKey).PostAsync($"{WebhookScenario.Webhooks(workspace)}/{hook.Id}/test", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ping = await _receiver.WaitForAsync(w => w.Type == "ping", JobScenario.Patience);
        Assert.True(StandardWebhookVerifier.Verify(hook.Secret, ping.Headers, ping.Body));
        Assert.Equal(JsonValueKind.Object, ping.Json.GetProperty("data").ValueKind);
        Assert.Empty(ping.Json.GetProperty("data").EnumerateObject());
        Assert.Equal(workspace.Id, ping.Json.GetProperty("workspace_id").GetGuid());
        Assert.Equal("application/json", new MediaTypeHeaderValue(ping.Headers["content-type"].Split(';')[0]).MediaType);
    }

    private Task<ReceivedWebhook> EventAsync(string type, Guid invitationId) => _receiver.EventAsync(type, invitationId);
}
