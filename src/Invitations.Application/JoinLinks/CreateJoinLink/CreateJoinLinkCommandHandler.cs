using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace Invitations.Application.JoinLinks.CreateJoinLink;

internal sealed class CreateJoinLinkCommandHandler(
    IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock, IOptions<InvitationOptions> options)
    : IRequestHandler<CreateJoinLinkCommand, JoinLinkResponse>
{
    public async Task<JoinLinkResponse> Handle(CreateJoinLinkCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        JoinLink.EnsureMayManage(actor);
        var workspace = await workspaces.CardAsync(actor.WorkspaceId, cancellationToken);
        var team = await workspaces.FindTeamAsync(actor.WorkspaceId, command.Team, cancellationToken)
                   ?? throw WorkspaceLoader.TeamNotFound(command.Team);
        var now = clock.GetUtcNow();
        var (link, token) = JoinLink.Create(
            actor, Roles.Parse(command.Role!), team, command.MaxUses, command.ExpiresInDays, DomainPattern.ParseAll(command.AllowedDomains),
            command.Description, now);
        db.JoinLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return JoinLinkResponse.From(link, now) with { Url = options.Value.JoinUrl(workspace.Branding.VerifiedDomain, token) };
    }
}
