namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service without Hangfire workers: jobs are enqueued but never run, so a test decides exactly when (and whether)
/// the email job or a maintenance command runs.
/// </summary>
public class NoWorkersApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Hangfire:ServerEnabled"] = "false";
        return settings;
    }
}
