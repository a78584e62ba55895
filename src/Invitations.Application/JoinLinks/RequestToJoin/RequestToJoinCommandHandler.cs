using Invitations.Application.Common;
using Invitations.Application.JoinLinks.JoinThroughLink;
using MediatR;

namespace Invitations.Application.JoinLinks.RequestToJoin;

/// <summary>One read (the link) and one write (the queued join), the same for every address: no member, pending or domain oracle.</summary>
internal sealed class RequestToJoinCommandHandler(IInvitationsDbContext db, IJoinQueue queue, TimeProvider clock)
    : IRequestHandler<RequestToJoinCommand, Unit>
{
    public async Task<Unit> Handle(RequestToJoinCommand command, CancellationToken cancellationToken)
    {
        var link = await db.FindJoinLinkAsync(command.Token!, cancellationToken);
        link.EnsureOpen(clock.GetUtcNow());
        queue.Submit(new JoinThroughLinkCommand(link.Id, command.Email!.Trim(), command.FirstName, command.LastName, command.Locale));
        return Unit.Value;
    }
}
