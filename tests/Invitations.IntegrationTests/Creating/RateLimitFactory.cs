using System.Net;

namespace Invitations.IntegrationTests.Creating;

/// <summary>
/// A service that lets each workspace create only three invitations per 24 hours, and whose invitee routes take five
/// requests per client address per minute.
/// </summary>
public sealed class RateLimitFactory() : ApiFactory(new ApiHostOptions
{
    Settings = new Dictionary<string, string?>
    {
        ["Invitations:DailyLimitPerWorkspace"] = DailyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Invitations:InviteeRequestsPerMinute"] = InviteeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    },
})
{
    public const int DailyLimit = 3;
    public const int InviteeLimit = 5;

    /// <summary>A client whose requests arrive from <paramref name="address"/>, so each test has its own budget.</summary>
    public HttpClient ClientFrom(string address)
    {
        var ip = IPAddress.Parse(address);
        return new HttpClient(Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip)) { BaseAddress = Server.BaseAddress };
    }
}
