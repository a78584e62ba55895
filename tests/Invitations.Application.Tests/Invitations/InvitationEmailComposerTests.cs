using Invitations.Application.Common;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Tests.Invitations;

public sealed class InvitationEmailComposerTests
{
    private const string Token = "q2HrVw3tQ8m1cJX5yN0bZk7uP4aL9sE6dF-gH_iJ0Kw";

    private static readonly InvitationOptions Links = new() { FrontendBaseUrl = "https://app.example.com/" };

    private static readonly EmailOptions Mail = new() { DefaultFrom = "Invitations <no-reply@example.com>" };

    private readonly Invitation _invitation = InvitationBuilder.Create();

    [Theory]
    [InlineData(true, "hello@acme.io", true, "hello@acme.io")]
    [InlineData(true, "hello@acme.io", false, "Invitations <no-reply@example.com>")]
    [InlineData(false, "hello@acme.io", true, "Invitations <no-reply@example.com>")]
    [InlineData(false, null, false, "Invitations <no-reply@example.com>")]
    public void Compose_From_IsTheVerifiedWhiteLabelSenderOrTheDefault(
        bool whiteLabel, string? sender, bool verified, string expected)
    {
        var message = Compose(new Branding(whiteLabel, sender, verified, null, false));

        Assert.Equal(expected, message.From);
        Assert.Equal("Jane.Doe@Example.com", message.To);
    }

    [Theory]
    [InlineData("invites.acme.io", true, "https://invites.acme.io/invitations/accept#token=" + Token)]
    [InlineData("invites.acme.io", false, "https://app.example.com/invitations/accept#token=" + Token)]
    [InlineData(null, false, "https://app.example.com/invitations/accept#token=" + Token)]
    public void Compose_Link_UsesTheCustomDomainOnlyWhenVerified(string? domain, bool verified, string expected)
    {
        var message = Compose(new Branding(false, null, false, domain, verified));

        Assert.Contains(expected, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{expected}\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Bodies_SayWhoInvitedToWhatAsWhatUntilWhen()
    {
        var message = Compose(Branding.None);

        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("lead@acme.io", body, StringComparison.Ordinal);
            Assert.Contains("Acme Support", body, StringComparison.Ordinal);
            Assert.Contains("editor", body, StringComparison.Ordinal);
            Assert.Contains("Sunday, March 8, 2026 at 9:00\u202fAM (UTC)", body, StringComparison.Ordinal); // English as .NET writes it
        }

        Assert.Equal("lead@acme.io invited you to join Acme Support", message.Subject);
        Assert.Equal("en", message.Language);
    }

    [Fact]
    public void Compose_WorkspaceNameWithMarkup_IsEscapedInHtml()
    {
        var message = InvitationEmailComposer.Compose(
            Owed(InvitationBuilder.Card(_invitation.WorkspaceId, "<script>alert(1)</script>")), Links, Mail, EmailTexts.Localizer);

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MessageId_NamesTheInvitationAndDelivery()
    {
        var first = Compose(Branding.None);
        _invitation.Resend(InvitationBuilder.Start.AddHours(1));
        var second = Compose(Branding.None, number: 2);

        Assert.Contains(_invitation.Id.Value.ToString("N"), first.MessageId, StringComparison.Ordinal);
        Assert.Contains("-1@", first.MessageId, StringComparison.Ordinal);
        Assert.Contains("-2@", second.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    private EmailMessage Compose(Branding branding, int number = 1) =>
        InvitationEmailComposer.Compose(Owed(InvitationBuilder.Card(_invitation.WorkspaceId, "Acme Support", branding), number), Links, Mail, EmailTexts.Localizer);

    private OwedEmail Owed(WorkspaceCard workspace, int number = 1) => InvitationBuilder.Owed(_invitation, workspace, number, token: Token);
}
