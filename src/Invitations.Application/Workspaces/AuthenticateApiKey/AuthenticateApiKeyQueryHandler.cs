using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Invitations.Application.Workspaces.AuthenticateApiKey;

/// <summary>
/// Every API request starts here, so a known key is remembered briefly. Keys can't be revoked and members can't
/// change role through the API, so the cache can't serve a stale permission; unknown keys are never cached.
/// </summary>
internal sealed class AuthenticateApiKeyQueryHandler(IInvitationsDbContext db, IMemoryCache cache) : IRequestHandler<AuthenticateApiKeyQuery, Actor?>
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    public async Task<Actor?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(query.ApiKey);
        if (cache.TryGetValue<Actor>(("api-key", hash), out var known))
        {
            return known;
        }

        var actor = await (
            from key in db.ApiKeys.AsNoTracking()
            join member in db.Members on new { key.WorkspaceId, key.UserId } equals new { member.WorkspaceId, member.UserId }
            where key.KeyHash == hash
            select new Actor(member.WorkspaceId, member.UserId, member.Email, member.Role))
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is not null)
        {
            cache.Set(("api-key", hash), actor, Remember);
        }

        return actor;
    }
}
