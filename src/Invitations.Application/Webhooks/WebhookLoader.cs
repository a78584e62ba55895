using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Webhooks;

internal static class WebhookLoader
{
    /// <summary>An endpoint of the actor's own workspace, for an owner or admin; any other workspace's reads as not found.</summary>
    public static async Task<WebhookEndpoint> LoadWebhookAsync(
        this IInvitationsDbContext db, Actor actor, WebhookEndpointId id, CancellationToken cancellationToken)
    {
        WebhookEndpoint.EnsureMayManage(actor);
        return await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.WorkspaceId == actor.WorkspaceId, cancellationToken)
               ?? throw new DomainException(ErrorCodes.WebhookNotFound, "There is no webhook with this id in this workspace.");
    }

    /// <summary>Refuses a URL the workspace may not send to (SSRF), in a sentence the caller can act on.</summary>
    public static async Task EnsureAllowedAsync(this IWebhookUrlPolicy policy, string url, CancellationToken cancellationToken)
    {
        if (await policy.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw new DomainException(ErrorCodes.WebhookUrlRefused, refusal);
        }
    }
}
