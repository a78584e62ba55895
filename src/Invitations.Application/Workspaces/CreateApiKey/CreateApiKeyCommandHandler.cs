using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Application.Workspaces.CreateApiKey;

internal sealed class CreateApiKeyCommandHandler(IInvitationsDbContext db, IWorkspaceDirectory directory, TimeProvider clock)
    : IRequestHandler<CreateApiKeyCommand, ApiKeyResponse>
{
    public async Task<ApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        _ = await directory.FindAsync(command.WorkspaceId, cancellationToken) ?? throw WorkspaceLoader.NotFound(command.WorkspaceId);
        var isMember = await db.Members.AnyAsync(
            m => m.WorkspaceId == command.WorkspaceId && m.UserId == command.UserId,
            cancellationToken);
        if (!isMember)
        {
            throw new DomainException(ErrorCodes.MemberNotFound, $"No active member with user_id {command.UserId} in this workspace.");
        }

        var (key, plaintext) = ApiKey.Issue(command.WorkspaceId, command.UserId!.Value, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyResponse(key.Id, key.WorkspaceId.Value, key.UserId, plaintext, key.CreatedAt);
    }
}
