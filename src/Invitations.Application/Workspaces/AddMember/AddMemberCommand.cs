using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.AddMember;

public sealed record AddMemberCommand(
    WorkspaceId WorkspaceId, string? Email, string? FirstName, string? LastName, string? Role, string? Team)
    : IRequest<MemberResponse>;
