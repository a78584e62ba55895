namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service as deployed, with private networks allowed for webhooks (the tests' receivers listen on loopback) and a
/// short webhook back-off: 1 s, 2 s, 4 s, so four attempts in all.
/// </summary>
public sealed class WebhookApiFactory() : ApiFactory(new ApiHostOptions
{
    Settings = new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelaysSeconds:0"] = "1",
        ["Webhooks:RetryDelaysSeconds:1"] = "2",
        ["Webhooks:RetryDelaysSeconds:2"] = "4",
    },
});

/// <summary>Classes that receive webhooks share one host, each test on an empty database.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<WebhookApiFactory>]
[LongRunning]
public sealed class WebhookCollection : ICollectionFixture<WebhookApiFactory>
{
    public const string Name = "Webhooks";
}
