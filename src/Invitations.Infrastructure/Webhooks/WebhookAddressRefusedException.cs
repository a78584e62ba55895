namespace Invitations.Infrastructure.Webhooks;

/// <summary>Thrown by the sender's connect step, before any socket exists, for a host whose addresses may not be reached.</summary>
internal sealed class WebhookAddressRefusedException(string host)
    : Exception($"refused: {host} resolves to an address that is not globally reachable (loopback, private, link-local, metadata, special-purpose)");
