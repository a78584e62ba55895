using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.ListOptOuts;

public sealed record ListOptOutsQuery(Actor Actor) : IRequest<IReadOnlyList<OptOutResponse>>;
