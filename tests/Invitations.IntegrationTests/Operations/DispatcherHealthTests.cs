using System.Net;
using Invitations.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// Readiness reports a dispatcher that has stopped running as Degraded: still 200, since requests are served and what is
/// owed waits in the outbox. One email worker, held inside a send, is a stalled email dispatcher.
/// </summary>
public sealed class DispatcherHealthTests(ApiFactory<DispatcherHealthTests.OneEmailWorker> api) : IClassFixture<ApiFactory<DispatcherHealthTests.OneEmailWorker>>
{
    [Fact]
    public async Task Ready_WhileTheEmailDispatcherIsStalled_IsDegraded_AndHealthyOnceItRunsAgain()
    {
        Assert.Equal("Healthy", await ReadyAsync());
        var stalled = new TaskCompletionSource();
        var sending = new TaskCompletionSource();
        api.BeforeSend = _ =>
        {
            sending.TrySetResult();
            return stalled.Task;
        };
        var (_, email, _) = await api.EmailedInvitationAsync("stalled");
        await sending.Task.WaitAsync(JobScenario.Patience);

        // The one email worker is held; its last beat is made older than readiness tolerates.
        api.Services.GetRequiredService<DispatcherHeartbeat>().Record(EmailDispatchJob.EmailQueue, DateTimeOffset.UtcNow - 2 * DispatchersHealthCheck.Overdue);
        Assert.Equal("Degraded", await ReadyAsync());

        stalled.SetResult();
        await api.Smtp.WaitForMailAsync(email);
        var deadline = DateTime.UtcNow + JobScenario.Patience;
        while (await ReadyAsync() != "Healthy")
        {
            Assert.True(DateTime.UtcNow < deadline, "Readiness never came back to Healthy.");
            await Task.Delay(100);
        }
    }

    private async Task<string> ReadyAsync()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public sealed class OneEmailWorker : IHostSettings
    {
        public static ApiHostOptions Options => ApiHostOptions.Service.With(("Hangfire:EmailWorkerCount", "1"));
    }
}
