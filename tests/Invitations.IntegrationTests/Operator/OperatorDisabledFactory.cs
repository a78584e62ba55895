namespace Invitations.IntegrationTests.Operator;

/// <summary>A service whose operator secret is configured but empty: operator access is off.</summary>
public sealed class OperatorDisabledFactory() : ApiFactory(new ApiHostOptions
{
    Workers = false,
    Settings = new Dictionary<string, string?> { ["Operator:ApiKey"] = "" },
});
