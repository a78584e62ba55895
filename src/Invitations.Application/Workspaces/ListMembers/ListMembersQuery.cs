using Invitations.Domain.Invitations;
using MediatR;

namespace Invitations.Application.Workspaces.ListMembers;

public sealed record ListMembersQuery(Actor Actor) : IRequest<IReadOnlyList<MemberResponse>>;
