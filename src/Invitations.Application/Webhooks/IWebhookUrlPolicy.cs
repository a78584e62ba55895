namespace Invitations.Application.Webhooks;

/// <summary>Which endpoint URLs may be registered: no server-side request forgery.</summary>
public interface IWebhookUrlPolicy
{
    /// <summary>Null when <paramref name="url"/> may be used; otherwise why not, in a sentence for the caller.</summary>
    Task<string?> RefusalAsync(string url, CancellationToken cancellationToken);
}
