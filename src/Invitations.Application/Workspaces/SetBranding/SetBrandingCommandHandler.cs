using Invitations.Application.Common;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.SetBranding;

internal sealed class SetBrandingCommandHandler(IInvitationsDbContext db) : IRequestHandler<SetBrandingCommand, BrandingResponse>
{
    public async Task<BrandingResponse> Handle(SetBrandingCommand command, CancellationToken cancellationToken)
    {
        var workspace = await db.LoadWorkspaceAsync(command.WorkspaceId, cancellationToken);
        workspace.ChangeBranding(new Branding(
            command.WhiteLabel,
            command.SenderEmail?.Trim(),
            command.SenderEmailVerified,
            command.CustomDomain?.Trim().ToLowerInvariant(),
            command.CustomDomainVerified,
            command.DefaultLocale));
        await db.SaveChangesAsync(cancellationToken);
        return BrandingResponse.From(workspace.Branding);
    }
}
