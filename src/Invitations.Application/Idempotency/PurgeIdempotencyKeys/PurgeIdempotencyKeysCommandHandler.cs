using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.Idempotency.PurgeIdempotencyKeys;

internal sealed class PurgeIdempotencyKeysCommandHandler(IIdempotencyStore keys) : IRequestHandler<PurgeIdempotencyKeysCommand, int>
{
    public Task<int> Handle(PurgeIdempotencyKeysCommand command, CancellationToken cancellationToken) =>
        keys.PurgeExpiredAsync(cancellationToken);
}
