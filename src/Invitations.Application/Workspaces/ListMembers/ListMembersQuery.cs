using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.ListMembers;

public sealed record ListMembersQuery(Actor Actor) : IRequest<IReadOnlyList<MemberResponse>>;
