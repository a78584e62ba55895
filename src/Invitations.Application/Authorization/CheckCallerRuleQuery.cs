using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Authorization;

/// <summary>Passes when <see cref="Actor"/> may do what <see cref="Rule"/> names; otherwise throws the rule's refusal (403).</summary>
public sealed record CheckCallerRuleQuery(Actor Actor, CallerRule Rule) : IRequest<Unit>;
