using Invitations.Domain.Common;

namespace Invitations.Domain.JoinLinks;

/// <summary>Who may still join through the link, and how many times: its status, its uses and its domains.</summary>
public sealed partial class JoinLink
{
    /// <summary>
    /// The rule of who may still join, decided here: disabled wins, then expiry, then the use limit. The create statement
    /// (CreateInvitation.sql, its <c>used</c> step) re-checks the same rule on the link's row as it counts a use.
    /// </summary>
    public JoinLinkStatus StatusAt(DateTimeOffset now) =>
        DisabledAt is not null ? JoinLinkStatus.Disabled
        : ExpiresAt <= now ? JoinLinkStatus.Expired
        : MaxUses is { } most && Uses >= most ? JoinLinkStatus.UsedUp
        : JoinLinkStatus.Active;

    /// <summary>Refused (410) unless the link is open.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != JoinLinkStatus.Active)
        {
            throw Closed(status);
        }
    }

    /// <summary>
    /// One use, for an invitation made through the link: only while it is open, and never past <see cref="MaxUses"/>. A join
    /// counts it in the database in the statement that inserts the invitation (CreateInvitation.sql), this rule's twin for
    /// the row, so concurrent joins on any number of nodes never pass the limit and a join that makes nothing counts nothing.
    /// </summary>
    public void Use(DateTimeOffset now)
    {
        EnsureOpen(now);
        Uses++;
    }

    /// <summary>The address's domain matches one of the link's own domains, when it has any.</summary>
    public void EnsureAllows(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (AllowedDomains.Count > 0 && !AllowedDomains.Any(rule => rule.Matches(domain)))
        {
            throw new DomainException(ErrorCodes.EmailDomainNotAllowed, $"This join link does not admit addresses at {domain}.");
        }
    }

    public static DomainException Closed(JoinLinkStatus status) =>
        new(ErrorCodes.JoinLinkClosed, status switch
        {
            JoinLinkStatus.Disabled => "This join link was disabled.",
            JoinLinkStatus.Expired => "This join link has expired.",
            _ => "This join link has been used as many times as it may be.",
        })
        {
            JoinLinkStatus = status.Name(),
        };
}
