using Invitations.Domain.Invitations;

namespace Invitations.Application.Common;

/// <summary>The <c>Invitations</c> configuration section.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    public string FrontendBaseUrl { get; set; } = "http://localhost:8080";

    public TimeSpan DefaultLifetime { get; set; } = Invitation.DefaultLifetime;

    public int DailyLimitPerWorkspace { get; set; } = 500;

    public string ExpirySweepCron { get; set; } = "*/5 * * * *";

    public int InviteeRequestsPerMinute { get; set; } = 30;

    /// <summary>How long an idempotency key and its response are kept (contract §9).</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromDays(1);

    public string AcceptUrl(string? verifiedDomain, string token) => $"{LinkBase(verifiedDomain)}/invitations/accept#token={token}";

    /// <summary>A join link's address (contract §13): the token in the fragment, as an invitation's.</summary>
    public string JoinUrl(string? verifiedDomain, string token) => $"{LinkBase(verifiedDomain)}/join#token={token}";

    private string LinkBase(string? verifiedDomain) => verifiedDomain is null ? FrontendBaseUrl.TrimEnd('/') : "https://" + verifiedDomain;
}
