namespace Invitations.Api.Endpoints;

/// <summary>The ping event owed to the endpoint; its delivery shows under the endpoint's deliveries.</summary>
public sealed record TestWebhookResponse(string EventId);
