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

    /// <summary>An event of <paramref name="type"/>, its body rendered once by <paramref name="render"/> from its id and time.</summary>
    public static WebhookEvent Create(Guid workspaceId, string type, DateTimeOffset now, Func<WebhookEvent, string> render)
    {
        var created = new WebhookEvent
        {
            Id = NewId(),
            WorkspaceId = workspaceId,
            Type = type,
            CreatedAt = now,
        };
        created.Body = render(created);
        return created;
    }

    public static string NewId() => "evt_" + Guid.CreateVersion7().ToString("N");
}
