using System.Net;
using Invitations.Application.Webhooks;

namespace Invitations.Infrastructure.Webhooks;

/// <summary>
/// Checks a webhook URL at registration: https only and public addresses only, the host's DNS answers included,
/// unless private networks are allowed (then plain http and any address too). The sender checks again when it
/// connects, since DNS may answer differently later.
/// </summary>
internal sealed class WebhookUrlPolicy(bool allowPrivateNetworks, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    : IWebhookUrlPolicy
{
    public const int MaxLength = 2048;

    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"The webhook URL must be an absolute https URL of at most {MaxLength} characters.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The webhook URL may not carry a user name or password.";
        }

        if (allowPrivateNetworks)
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "The webhook URL must use https (plain http is allowed only with Webhooks:AllowPrivateNetworks=true, for local development).";
        }

        return await AddressRefusalAsync(uri, cancellationToken);
    }

    private async Task<string?> AddressRefusalAsync(Uri uri, CancellationToken cancellationToken)
    {
        // The setting is named so that a developer pointing a webhook at a local receiver knows what to turn on.
        const string Refused = "The webhook URL must not point to a loopback, private, link-local, metadata or other special-purpose address "
                               + "that is not globally reachable. For local development, an operator can allow them with Webhooks:AllowPrivateNetworks=true "
                               + "(build/run.sh --allow-private-webhooks).";
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return WebhookAddressRules.IsPublic(literal) ? null : Refused;
        }

        if (WebhookAddressRules.IsRefusedName(uri.IdnHost))
        {
            return Refused;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await _resolve(uri.IdnHost, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return $"The webhook URL's host {uri.IdnHost} could not be resolved.";
        }
        if (addresses.Length == 0)
        {
            return $"The webhook URL's host {uri.IdnHost} could not be resolved.";
        }

        return addresses.All(WebhookAddressRules.IsPublic) ? null : Refused;
    }
}
