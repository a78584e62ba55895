using System.Net;

namespace Invitations.IntegrationTests.Api;

/// <summary>A service whose invitee routes take five requests per client address per minute.</summary>
public sealed class InviteeLimitFactory : ApiFactory
{
    public const int Limit = 5;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Invitations:InviteeRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>A client whose requests arrive from <paramref name="address"/>, so each test has its own budget.</summary>
    public HttpClient ClientFrom(string address)
    {
        var ip = IPAddress.Parse(address);
        return new HttpClient(Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip)) { BaseAddress = Server.BaseAddress };
    }
}
