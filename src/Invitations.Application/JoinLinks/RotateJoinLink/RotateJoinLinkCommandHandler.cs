using Invitations.Application.Common;
using Invitations.Application.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace Invitations.Application.JoinLinks.RotateJoinLink;

internal sealed class RotateJoinLinkCommandHandler(
    IInvitationsDbContext db, IWorkspaceDirectory workspaces, TimeProvider clock, IOptions<InvitationOptions> options)
    : IRequestHandler<RotateJoinLinkCommand, JoinLinkResponse>
{
    public async Task<JoinLinkResponse> Handle(RotateJoinLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.LoadJoinLinkAsync(command.Actor, command.Id, tracked: true, cancellationToken);
        var workspace = await workspaces.CardAsync(link.WorkspaceId, cancellationToken);
        var token = link.Rotate();
        await db.SaveChangesAsync(cancellationToken); // only the token's hash: a join counting a use meanwhile is not undone
        return JoinLinkResponse.From(link, clock.GetUtcNow()) with { Url = options.Value.JoinUrl(workspace.Branding.VerifiedDomain, token) };
    }
}
