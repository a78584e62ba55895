namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// An SMTP server slower than the claim's lease (2 s here; 60 s by default): while the dispatcher sending a message lives, its
/// lease keeps being extended, so another dispatcher never claims the message again, however long the server takes.
/// </summary>
[Collection(ManualHostCollection.Name)]
public sealed class SlowServerTests(ManualHost api) : IDisposable
{
    public void Dispose() => api.Smtp.DelayPerMessage = TimeSpan.Zero;

    [Fact]
    public async Task MessageSlowerThanTheLease_IsNotClaimedAgainByAnotherDispatcher_AndArrivesOnce()
    {
        var workspace = await api.CreateWorkspaceAsync();
        var addresses = new[] { Mailbox.NewAddress("slow1"), Mailbox.NewAddress("slow2") };
        foreach (var email in addresses)
        {
            await api.InvitationIdAsync(workspace, email, sendEmail: true);
        }

        api.Smtp.DelayPerMessage = TimeSpan.FromSeconds(4); // under the tests' Smtp:Timeout of 5 s
        var first = Task.Run(api.DispatchEmailsAsync);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the first message is past its 2 s lease, its reply still a second away
        var second = await api.DispatchEmailsAsync();
        var firstReport = await first;

        Assert.Equal(0, second.Sent);
        Assert.Equal(2, firstReport.Sent);
        Assert.All(addresses, email => Assert.Single(api.Smtp.To(email)));
    }
}
