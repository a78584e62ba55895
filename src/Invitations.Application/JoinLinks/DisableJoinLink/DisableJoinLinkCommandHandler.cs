using Invitations.Application.Common;
using MediatR;

namespace Invitations.Application.JoinLinks.DisableJoinLink;

internal sealed class DisableJoinLinkCommandHandler(IInvitationsDbContext db, TimeProvider clock) : IRequestHandler<DisableJoinLinkCommand, JoinLinkResponse>
{
    public async Task<JoinLinkResponse> Handle(DisableJoinLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.LoadJoinLinkAsync(command.Actor, command.Id, tracked: true, cancellationToken);
        var now = clock.GetUtcNow();
        link.Disable(now);
        await db.SaveChangesAsync(cancellationToken);
        return JoinLinkResponse.From(link, now);
    }
}
