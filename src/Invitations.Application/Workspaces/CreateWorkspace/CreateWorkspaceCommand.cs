using MediatR;

namespace Invitations.Application.Workspaces.CreateWorkspace;

public sealed record CreateWorkspaceCommand(string? Name, string? OwnerEmail, string? OwnerFirstName, string? OwnerLastName)
    : IRequest<CreatedWorkspaceResponse>;

/// <param name="ApiKey">The owner's first API key. Shown only here: only its hash is kept.</param>
public sealed record CreatedWorkspaceResponse(Guid WorkspaceId, WorkspaceResponse Workspace, MemberResponse Owner, string ApiKey);
