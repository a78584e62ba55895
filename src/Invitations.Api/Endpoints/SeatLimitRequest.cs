namespace Invitations.Api.Endpoints;

/// <summary>A limit of at least one seat; null (or absent) for none.</summary>
public sealed record SeatLimitRequest(int? SeatLimit);
