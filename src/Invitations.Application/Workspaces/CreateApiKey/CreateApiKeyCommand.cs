using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.CreateApiKey;

public sealed record CreateApiKeyCommand(WorkspaceId WorkspaceId, long? UserId) : IRequest<ApiKeyResponse>;
