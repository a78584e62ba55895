using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.JoinLinks.GetJoinLink;

internal sealed class GetJoinLinkQueryHandler(IInvitationsDbContext db, TimeProvider clock) : IRequestHandler<GetJoinLinkQuery, JoinLinkResponse>
{
    public async Task<JoinLinkResponse> Handle(GetJoinLinkQuery query, CancellationToken cancellationToken) =>
        JoinLinkResponse.From(await db.LoadJoinLinkAsync(query.Actor, query.Id, tracked: false, cancellationToken), clock.GetUtcNow());
}
