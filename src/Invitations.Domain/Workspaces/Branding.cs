namespace Invitations.Domain.Workspaces;

/// <summary>
/// White-label settings. A sender or domain counts only once an operator marked it verified. <see cref="DefaultLocale"/> is the
/// language of invitations that name none (a BCP 47 tag).
/// </summary>
public sealed record Branding(
    bool WhiteLabel,
    string? SenderEmail,
    bool SenderEmailVerified,
    string? CustomDomain,
    bool CustomDomainVerified,
    string? DefaultLocale = null)
{
    public static readonly Branding None = new(false, null, false, null, false);

    public string? VerifiedSender => WhiteLabel && SenderEmailVerified && !string.IsNullOrEmpty(SenderEmail) ? SenderEmail : null;

    public string? VerifiedDomain => CustomDomainVerified && !string.IsNullOrEmpty(CustomDomain) ? CustomDomain : null;
}
