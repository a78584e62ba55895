namespace Invitations.IntegrationTests.Api;

/// <summary>A service whose operator secret is configured but empty: operator access is off.</summary>
public sealed class OperatorDisabledFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Operator:ApiKey"] = "";
        return settings;
    }
}
