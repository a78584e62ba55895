namespace Invitations.Application.Idempotency;

/// <summary>A response as an idempotency key keeps it: what a replay gives back.</summary>
public sealed record RememberedResponse(int Status, string? Location, string? ContentType, byte[] Body);
