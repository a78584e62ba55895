using MediatR;

namespace Invitations.Application.Idempotency.PurgeIdempotencyKeys;

/// <summary>Deletes idempotency keys past their retention (<c>Invitations:IdempotencyKeyRetention</c>); returns how many went.</summary>
public sealed record PurgeIdempotencyKeysCommand : IRequest<int>;
