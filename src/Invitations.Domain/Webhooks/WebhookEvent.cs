namespace Invitations.Domain.Webhooks;

/// <summary>
/// Something that happened, as its subscribers receive it: the body is frozen when the event is written, so every attempt
/// sends (and signs) the same bytes under the same id.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
    }

    public string Id { get; private set; } = "";

    public Guid WorkspaceId { get; private set; }

    public string Type { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>The test route's event: <c>data</c> is empty. The invitation events are written by the database.</summary>
    public static WebhookEvent Ping(Guid workspaceId, DateTimeOffset now, Func<WebhookEvent, string> render)
    {
        var ping = new WebhookEvent
        {
            Id = NewId(),
            WorkspaceId = workspaceId,
            Type = WebhookEventTypes.Ping,
            CreatedAt = now,
        };
        ping.Body = render(ping);
        return ping;
    }

    public static string NewId() => "evt_" + Guid.CreateVersion7().ToString("N");
}
