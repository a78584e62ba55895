using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

[Collection(ServiceHostCollection.Name)]
public sealed class InvitationEmailTests(ServiceHost api)
{
    [Theory]
    [InlineData("native", "collaborator")]
    [InlineData("invite-teammate", "agent")]
    [InlineData("workspace-invite", "editor")]
    public async Task Create_ThroughEachRoute_SendsOneEmailWhoseLinkAccepts(string route, string role)
    {
        var workspaceName = $"Northwind {route}";
        var workspace = await api.CreateWorkspaceAsync(workspaceName);
        var email = Mailbox.NewAddress(route);

        var id = await CreateAsync(route, workspace, email, role);

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var invitation = await api.WaitForEmailStatusAsync(workspace, id, "sent");
        Assert.NotNull(invitation["email_sent_at"]);
        Assert.Null(invitation["last_email_error"]);
        await api.WaitForEmailJobsToSettleAsync();
        Assert.Single(api.Smtp.To(email));

        var mime = message.Message;
        var from = Assert.Single(mime.From.Mailboxes);
        Assert.Equal(("Invitations", "no-reply@invitations.test"), (from.Name, from.Address));
        Assert.Equal(email, Assert.Single(mime.To.Mailboxes).Address, ignoreCase: true);
        Assert.Contains(workspace.OwnerEmail, mime.Subject);
        Assert.Contains(workspaceName, mime.Subject);

        var link = Mailbox.LinkIn(message);
        Assert.StartsWith("https://app.invitations.test/invitations/accept#token=", link);
        var expires = invitation["expires_at"]!.GetValue<DateTimeOffset>().ToUniversalTime();
        foreach (var part in new[] { mime.TextBody, mime.HtmlBody })
        {
            Assert.Contains(workspace.OwnerEmail, part);
            Assert.Contains(workspaceName, part);
            Assert.Contains(role, part);
            Assert.Contains(expires.ToString("D", CultureInfo.GetCultureInfo("en")), part);
            Assert.Contains(expires.ToString("t", CultureInfo.GetCultureInfo("en")), part);
            Assert.Contains(link, part);
        }

        var accepted = await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(invitation["user_id"]!.GetValue<long>(), accepted["user_id"]!.GetValue<long>());
        Assert.Equal(role, (string?)accepted["role"]);
        Assert.Equal("accepted", (string?)(await api.GetInvitationAsync(workspace, id))["status"]);
    }

    [Fact]
    public async Task Email_TokenNeverReachesHangfireStorageOrTheApi()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("secret");
        var id = await CreateAsync("native", workspace, email, "teammate");
        var token = Mailbox.TokenIn(Assert.Single(await api.Smtp.WaitForMailAsync(email)));
        await api.WaitForEmailStatusAsync(workspace, id, "sent");
        await api.WaitForEmailJobsToSettleAsync();

        const string everyHangfireRow = """
            SELECT to_jsonb(t)::text FROM hangfire.job t UNION ALL SELECT to_jsonb(t)::text FROM hangfire.state t
            UNION ALL SELECT to_jsonb(t)::text FROM hangfire.jobparameter t UNION ALL SELECT to_jsonb(t)::text FROM hangfire.hash t
            UNION ALL SELECT to_jsonb(t)::text FROM hangfire.set t UNION ALL SELECT to_jsonb(t)::text FROM hangfire.list t
            UNION ALL SELECT to_jsonb(t)::text FROM hangfire.jobqueue t UNION ALL SELECT to_jsonb(t)::text FROM hangfire.counter t
            """;
        Assert.Equal(0L, await api.ScalarAsync<long>(
            $"SELECT count(*) FROM ({everyHangfireRow}) AS r(row) WHERE strpos(r.row, @token) > 0", ("token", token)));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitations i WHERE strpos(to_jsonb(i)::text, @token) > 0", ("token", token)));

        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM invitation_deliveries d WHERE strpos(to_jsonb(d)::text, @token) > 0", ("token", token)));

        // What is stored is the link's hash, on the delivery that sent it; jobs carry no invitation at all.
        Assert.Equal(Invitations.Domain.Common.SecretToken.HashOf(token), await api.ScalarAsync<string>(
            "SELECT token_hash FROM invitation_deliveries WHERE invitation_id = @id AND status = 'sent'", ("id", id)));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE strpos(invocationdata::text || arguments::text, @id) > 0", ("id", id.ToString())));

        var client = api.ClientWithKey(workspace.ApiKey);
        Assert.DoesNotContain(token, await client.GetStringAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}"));
        Assert.DoesNotContain(token, await client.GetStringAsync($"/v1/workspaces/{workspace.Id}/invitations"));
    }

    [Fact]
    public async Task Email_LinkToken_LooksUpTheInvitationItDescribes()
    {
        var workspace = await api.CreateWorkspaceAsync("Lookup Works");
        var email = Mailbox.NewAddress("lookup");
        await CreateAsync("native", workspace, email, "viewer");
        var token = Mailbox.TokenIn(Assert.Single(await api.Smtp.WaitForMailAsync(email)));

        var lookup = await (await api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Lookup Works", (string?)lookup["workspace_name"]);
        Assert.Equal(workspace.OwnerEmail, (string?)lookup["inviter_email"]);
        Assert.Equal("viewer", (string?)lookup["role"]);
        Assert.Equal(email, (string?)lookup["email"]);
        Assert.Equal("pending", (string?)lookup["status"]);
    }

    [Fact]
    public async Task Email_ForACustomTeamThroughInviteTeammate_NamesTheTeam()
    {
        var workspace = await api.CreateWorkspaceAsync();
        await (await api.OperatorClient().PostAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/teams", new { title = "Night Shift" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var email = Mailbox.NewAddress("team");

        await InviteTeammateAsync(workspace, new { email, first_name = "Tess", team_title = "night shift", role = "TEAM_SUPERVISOR" });

        var mime = Assert.Single(await api.Smtp.WaitForMailAsync(email)).Message;
        Assert.Contains("Night Shift", mime.TextBody);
        Assert.Contains("Night Shift", mime.HtmlBody);
        Assert.Contains("team supervisor", mime.TextBody);
    }

    [Fact]
    public async Task Email_WorkspaceNameWithMarkup_IsEscapedInHtmlAndPlainInText()
    {
        var workspace = await api.CreateWorkspaceAsync("R&D <Lab>");
        var email = Mailbox.NewAddress("markup");
        await CreateAsync("native", workspace, email, "teammate");

        var mime = Assert.Single(await api.Smtp.WaitForMailAsync(email)).Message;

        Assert.Contains("R&D <Lab>", mime.Subject);
        Assert.Contains("R&D <Lab>", mime.TextBody);
        Assert.Contains("R&amp;D &lt;Lab&gt;", mime.HtmlBody);
        Assert.DoesNotContain("<Lab>", mime.HtmlBody);
    }

    [Fact]
    public async Task Email_GoesToTheAddressAsSpelled()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = $"Mixed.Case-{Guid.NewGuid():N}@Example.COM";
        await CreateAsync("native", workspace, $"  {email} ", "teammate");

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));

        Assert.Equal(email, Assert.Single(message.Message.To.Mailboxes).Address);
    }

    [Fact]
    public async Task Emails_OfTwoInvitations_HaveTheirOwnMessageIdsAndLinks()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var (first, second) = (Mailbox.NewAddress("one"), Mailbox.NewAddress("two"));
        await CreateAsync("native", workspace, first, "teammate");
        await CreateAsync("native", workspace, second, "teammate");

        var a = Assert.Single(await api.Smtp.WaitForMailAsync(first));
        var b = Assert.Single(await api.Smtp.WaitForMailAsync(second));

        Assert.False(string.IsNullOrEmpty(a.Message.MessageId));
        Assert.NotEqual(a.Message.MessageId, b.Message.MessageId);
        Assert.NotEqual(Mailbox.TokenIn(a), Mailbox.TokenIn(b));
    }

    [Fact]
    public async Task Emails_ForInvitationsCreatedOneAfterAnother_EachArriveOnceWithAWorkingLink()
    {
        // Idle workers pick each job up within milliseconds, while the create is still recording the job id on the row.
        var workspace = await api.CreateWorkspaceAsync();
        var invited = new List<(string Email, Guid Id)>();
        for (var i = 0; i < 20; i++)
        {
            var email = Mailbox.NewAddress($"burst{i}");
            invited.Add((email, await CreateAsync("native", workspace, email, "teammate")));
            await api.Smtp.WaitForMailAsync(email);
        }

        foreach (var (_, id) in invited)
        {
            await api.WaitForEmailStatusAsync(workspace, id, "sent");
        }

        await api.WaitForEmailJobsToSettleAsync();
        foreach (var (email, _) in invited)
        {
            var message = Assert.Single(api.Smtp.To(email));
            await (await api.AcceptAsync(Mailbox.TokenIn(message))).ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Create_WithSendEmailFalse_SchedulesNoEmail()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("self-delivered");

        var (invitation, _) = await api.InviteWithTokenAsync(workspace, email);
        await api.WaitForEmailJobsToSettleAsync();

        Assert.Null(invitation["email_status"]);
        var id = invitation["id"]!.GetValue<Guid>();
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE strpos(arguments::text, @id) > 0", ("id", id.ToString())));
        Assert.Empty(api.Smtp.To(email));
    }

    private async Task<Guid> CreateAsync(string route, TestWorkspace workspace, string email, string role)
    {
        switch (route)
        {
            case "native":
                var created = await (await api.InviteAsync(workspace, email, role)).ReadJsonAsync(HttpStatusCode.Created);
                Assert.Equal("queued", (string?)created["email_status"]);
                Assert.Null(created["accept_url"]);
                return created["id"]!.GetValue<Guid>();
            case "invite-teammate":
                await InviteTeammateAsync(workspace, new { email, first_name = "Ada", team_title = "Default team", role });
                break;
            default:
                var client = api.ClientWithKey(workspace.ApiKey);
                client.DefaultRequestHeaders.Add("x-workspace-id", workspace.Id.ToString());
                var body = await (await client.PostAsJsonAsync($"/v1/api/workspaces/{workspace.Id}/invite", new { email, role }))
                    .ReadJsonAsync(HttpStatusCode.OK);
                Assert.True(body["success"]!.GetValue<bool>());
                break;
        }

        return await api.InvitationIdByEmailAsync(workspace, email);
    }

    private async Task InviteTeammateAsync(TestWorkspace workspace, object body)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", workspace.ApiKey);
        var response = await (await client.PostAsJsonAsync("/integrations/api/workspace/invitations", body)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ok", (string?)response["status"]);
    }
}
