namespace Invitations.Domain.JoinLinks;

public static class JoinLinkStatuses
{
    /// <summary>The status as responses write it: <c>active</c>, <c>disabled</c>, <c>expired</c>, <c>used_up</c>.</summary>
    public static string Name(this JoinLinkStatus status) => status switch
    {
        JoinLinkStatus.Active => "active",
        JoinLinkStatus.Disabled => "disabled",
        JoinLinkStatus.Expired => "expired",
        _ => "used_up",
    };
}
