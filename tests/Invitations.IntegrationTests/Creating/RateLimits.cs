using System.Globalization;

namespace Invitations.IntegrationTests.Creating;

/// <summary>
/// A service that lets each workspace create only three invitations per 24 hours, and whose invitee routes take five
/// requests per client address per minute.
/// </summary>
public sealed class RateLimits : IHostSettings
{
    public const int DailyLimit = 3;
    public const int InviteeLimit = 5;

    public static ApiHostOptions Options => ApiHostOptions.Service.With(
        ("Invitations:DailyLimitPerWorkspace", DailyLimit.ToString(CultureInfo.InvariantCulture)),
        ("Invitations:InviteeRequestsPerMinute", InviteeLimit.ToString(CultureInfo.InvariantCulture)));
}
