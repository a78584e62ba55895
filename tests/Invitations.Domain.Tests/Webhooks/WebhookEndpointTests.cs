using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = new(WorkspaceId.New(), 1, "admin@example.com", Role.Admin);

    [Fact]
    public void Create_WithoutEvents_SubscribesToAll_SignedWithTheSecretItWasGiven()
    {
        var endpoint = WebhookEndpoint.Create(Admin, "https://hooks.example/in", null, "  CRM  ", "protected-1", Now);

        Assert.Equal(["*"], endpoint.Events);
        Assert.Equal("CRM", endpoint.Description);
        Assert.True(endpoint.Enabled);
        Assert.Equal(Admin.WorkspaceId, endpoint.WorkspaceId);
        Assert.Equal(["protected-1"], endpoint.SigningSecrets(Now));
    }

    [Fact]
    public void NewSecrets_AreStandardWebhooksSecrets_EachFresh()
    {
        var secret = WebhookSecret.New();

        Assert.StartsWith(WebhookSecret.Prefix, secret);
        Assert.Equal(32, Convert.FromBase64String(secret[WebhookSecret.Prefix.Length..]).Length);
        Assert.NotEqual(secret, WebhookSecret.New());
    }

    [Theory]
    [InlineData(Role.Teammate)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Editor)]
    public void Create_ByAMemberWhoCannotInvite_IsRefused(Role role)
    {
        var actor = Admin with { Role = role };

        var refused = Assert.Throws<DomainException>(() => WebhookEndpoint.Create(actor, "https://hooks.example/in", null, null, "protected", Now));

        Assert.Equal(ErrorCodes.CannotManageWebhooks, refused.Code);
    }

    [Fact]
    public void RotateSecret_BothSignForADay_ThenOnlyTheNewOne()
    {
        var endpoint = WebhookEndpoint.Create(Admin, "https://hooks.example/in", null, null, "old", Now);

        endpoint.RotateSecret("fresh", Now);

        Assert.Equal(["fresh", "old"], endpoint.SigningSecrets(Now.AddHours(23)));
        Assert.Equal(["fresh"], endpoint.SigningSecrets(Now.AddHours(24)));
    }

    [Fact]
    public void Change_Disabling_RecordsWhen_AndEnablingClearsIt()
    {
        var endpoint = WebhookEndpoint.Create(Admin, "https://hooks.example/in", ["invitation.created"], null, "protected", Now);

        endpoint.Change(null, null, enabled: false, Now.AddMinutes(1));
        Assert.Equal((false, Now.AddMinutes(1)), (endpoint.Enabled, endpoint.DisabledAt));

        endpoint.Change("https://hooks.example/other", ["*"], enabled: true, Now.AddMinutes(2));
        Assert.Equal((true, null, null), (endpoint.Enabled, endpoint.DisabledAt, endpoint.DisabledReason));
        Assert.Equal("https://hooks.example/other", endpoint.Url);
        Assert.Equal(["*"], endpoint.Events);
    }
}
