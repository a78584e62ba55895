namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service without Hangfire workers: jobs are enqueued but never run, so a test decides exactly when (and whether)
/// the email job or a maintenance command runs. A claim's lease is 2 s, so a test can outlast it.
/// </summary>
public sealed class NoWorkersApiFactory() : ApiFactory(new ApiHostOptions
{
    Workers = false,
    Settings = new Dictionary<string, string?> { ["Email:ClaimLease"] = "00:00:02" },
});
