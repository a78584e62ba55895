namespace Invitations.IntegrationTests.Bulk;

/// <summary>The service as deployed, with a daily limit of exactly one full bulk request (1,000) per workspace.</summary>
public sealed class BulkFactory() : ApiFactory(new ApiHostOptions
{
    Settings = new Dictionary<string, string?> { ["Invitations:DailyLimitPerWorkspace"] = "1000" },
});
