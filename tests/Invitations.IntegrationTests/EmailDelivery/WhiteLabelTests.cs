using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.EmailDelivery;

[Collection(ServiceHostCollection.Name)]
public sealed class WhiteLabelTests(ServiceHost api)
{
    private const string DefaultSender = "no-reply@invitations.test";

    [Fact]
    public async Task VerifiedSender_WithWhiteLabel_IsTheFromAddress()
    {
        var sender = $"team-{Guid.NewGuid():N}@acme.example";
        var message = await InviteAsync(new { white_label = true, sender_email = sender, sender_email_verified = true });

        Assert.Equal(sender, Assert.Single(message.Message.From.Mailboxes).Address);
    }

    [Fact]
    public async Task UnverifiedSender_WithWhiteLabel_UsesTheDefaultFrom()
    {
        var message = await InviteAsync(new { white_label = true, sender_email = "team@acme.example", sender_email_verified = false });

        Assert.Equal(DefaultSender, Assert.Single(message.Message.From.Mailboxes).Address);
    }

    [Fact]
    public async Task VerifiedSender_WithoutWhiteLabel_UsesTheDefaultFrom()
    {
        var message = await InviteAsync(new { white_label = false, sender_email = "team@acme.example", sender_email_verified = true });

        Assert.Equal(DefaultSender, Assert.Single(message.Message.From.Mailboxes).Address);
    }

    [Fact]
    public async Task VerifiedCustomDomain_IsTheLinkBase_AndItsLinkAccepts()
    {
        var domain = $"invites-{Guid.NewGuid():N}.acme.example";
        var message = await InviteAsync(new { custom_domain = domain, custom_domain_verified = true });

        var link = Mailbox.LinkIn(message);
        Assert.StartsWith($"https://{domain}/invitations/accept#token=", link);
        Assert.Contains(link, message.Message.HtmlBody);
        var lookup = await (await api.CreateClient().PostAsJsonAsync("/v1/invitations/lookup", new { token = Mailbox.TokenIn(message) }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string?)lookup["status"]);
    }

    [Fact]
    public async Task UnverifiedCustomDomain_UsesTheFrontendBaseUrl()
    {
        var message = await InviteAsync(new { white_label = true, custom_domain = "invites.acme.example", custom_domain_verified = false });

        Assert.StartsWith("https://app.invitations.test/invitations/accept#token=", Mailbox.LinkIn(message));
        Assert.DoesNotContain("invites.acme.example", message.Message.HtmlBody);
    }

    [Fact]
    public async Task BrandingChangedAfterCreate_AppliesToTheEmailSentAfterwards()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress("rebrand");
        var id = (await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Assert.Equal(DefaultSender, Assert.Single(await api.Smtp.WaitForMailAsync(email)).Message.From.Mailboxes.Single().Address);
        await api.WaitForEmailStatusAsync(workspace, id, "sent");

        await BrandAsync(workspace, new { white_label = true, sender_email = "hello@rebrand.example", sender_email_verified = true });
        await (await api.ClientWithKey(workspace.ApiKey).PostAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}/resend", null))
            .ReadJsonAsync(HttpStatusCode.Accepted);

        var resent = (await api.Smtp.WaitForMailAsync(email, 2))[1];
        Assert.Equal("hello@rebrand.example", Assert.Single(resent.Message.From.Mailboxes).Address);
    }

    private async Task<ReceivedMessage> InviteAsync(object branding)
    {
        var workspace = await api.CreateWorkspaceAsync();
        await BrandAsync(workspace, branding);
        var email = Mailbox.NewAddress("branded");
        await (await api.InviteAsync(workspace, email)).ReadJsonAsync(HttpStatusCode.Created);
        return Assert.Single(await api.Smtp.WaitForMailAsync(email));
    }

    private async Task BrandAsync(TestWorkspace workspace, object branding) =>
        await (await api.OperatorClient().PutAsJsonAsync($"/v1/admin/workspaces/{workspace.Id}/branding", branding))
            .ReadJsonAsync(HttpStatusCode.OK);
}
