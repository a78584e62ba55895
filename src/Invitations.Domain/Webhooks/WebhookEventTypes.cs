namespace Invitations.Domain.Webhooks;

/// <summary>The events an endpoint can subscribe to, by their wire names; <see cref="All"/> (<c>*</c>) means every one.</summary>
public static class WebhookEventTypes
{
    public const string All = "*";
    public const string Created = "invitation.created";
    public const string EmailSent = "invitation.email_sent";
    public const string EmailFailed = "invitation.email_failed";
    public const string Resent = "invitation.resent";
    public const string Accepted = "invitation.accepted";
    public const string Revoked = "invitation.revoked";
    public const string Expired = "invitation.expired";
    public const string Declined = "invitation.declined";

    /// <summary>Sent only by the test route, to the one endpoint tested, whatever it subscribes to.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> Subscribable = [Created, EmailSent, EmailFailed, Resent, Accepted, Revoked, Expired, Declined];

    /// <summary>Whether an endpoint subscribed to <paramref name="subscribed"/> gets events of <paramref name="type"/>.</summary>
    public static bool Covers(IReadOnlyCollection<string> subscribed, string type) => subscribed.Contains(All) || subscribed.Contains(type);

    public static bool IsSubscribable(string type) => type == All || Subscribable.Contains(type);

    /// <summary>Absent means every event; <c>*</c> anywhere means every event too; otherwise the distinct types, in the given order.</summary>
    public static string[] Normalize(IReadOnlyList<string>? types) =>
        types is null || types.Contains(All) ? [All] : types.Distinct(StringComparer.Ordinal).ToArray();
}
