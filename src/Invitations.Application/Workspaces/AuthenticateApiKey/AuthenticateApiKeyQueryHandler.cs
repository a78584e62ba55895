using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Workspaces.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyQueryHandler(IInvitationsDbContext db) : IRequestHandler<AuthenticateApiKeyQuery, Actor?>
{
    public Task<Actor?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(query.ApiKey);
        return (
            from key in db.ApiKeys.AsNoTracking()
            join member in db.Members on new { key.WorkspaceId, key.UserId } equals new { member.WorkspaceId, member.UserId }
            where key.KeyHash == hash && member.Status == MemberStatus.Active
            select new Actor(member.WorkspaceId, member.UserId, member.Email, member.Role))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
