namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service without Hangfire workers: jobs are enqueued but never run, so a test decides exactly when (and whether)
/// the email job or a maintenance command runs.
/// </summary>
public sealed class NoWorkersApiFactory() : ApiFactory(new ApiHostOptions { Workers = false });
