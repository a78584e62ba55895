using FluentValidation;
using Invitations.Application.Common;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.JoinLinks.JoinThroughLink;

/// <summary>
/// A join is a create (contract §13): the link's creator invites the address with the link's role and team, through the same
/// command every route creates with, so the daily limit, the seats, the workspace's policy and the opt-outs apply; the link
/// adds its own domains and counts the use in the create's own statement. Any rule that says no makes nothing and counts
/// nothing: an address that is a member or already invited gets nothing new, and the person who asked is never told why.
/// </summary>
internal sealed class JoinThroughLinkCommandHandler(IInvitationsDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<JoinThroughLinkCommand, JoinOutcome>
{
    public async Task<JoinOutcome> Handle(JoinThroughLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.JoinLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == command.LinkId, cancellationToken);
        if (link is null)
        {
            return new JoinOutcome(null, ErrorCodes.JoinLinkNotFound);
        }

        try
        {
            link.Use(clock.GetUtcNow());
            link.EnsureAllows(EmailAddress.Create(command.Email).Value);
            var invitation = await mediator.Send(
                new CreateInvitationCommand(
                    link.Creator, command.Email, link.Role.Name(), command.FirstName, command.LastName, link.TeamTitle, Locale: command.Locale)
                {
                    JoinLinkId = link.Id,
                },
                cancellationToken);
            return new JoinOutcome(invitation.Id, null);
        }
        catch (DomainException e)
        {
            return new JoinOutcome(null, e.Code);
        }
        catch (ValidationException e)
        {
            return new JoinOutcome(null, e.Errors.FirstOrDefault()?.ErrorMessage ?? "validation");
        }
    }
}
