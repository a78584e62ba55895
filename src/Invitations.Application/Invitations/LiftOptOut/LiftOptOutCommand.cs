using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.LiftOptOut;

/// <summary>The workspace may invite <see cref="Email"/> again (compared case-insensitively).</summary>
public sealed record LiftOptOutCommand(Actor Actor, string? Email) : IRequest<Unit>;
