namespace Invitations.IntegrationTests.Bulk;

/// <summary>The service as deployed, with a daily limit of exactly one full bulk request (1,000) per workspace.</summary>
public sealed class BulkLimit : IHostSettings
{
    public static ApiHostOptions Options => ApiHostOptions.Service.With(("Invitations:DailyLimitPerWorkspace", "1000"));
}
