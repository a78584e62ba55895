namespace Invitations.IntegrationTests.Api;

/// <summary>A service that lets each workspace create only three invitations per 24 hours.</summary>
public sealed class DailyLimitFactory : ApiFactory
{
    public const int Limit = 3;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Invitations:DailyLimitPerWorkspace"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
