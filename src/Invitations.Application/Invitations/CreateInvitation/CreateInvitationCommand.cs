using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.CreateInvitation;

/// <param name="AllowedRoles">The roles the calling route accepts (each compatibility route has its own list).</param>
public sealed record CreateInvitationCommand(
    Actor Actor,
    string? Email,
    string? Role,
    string? FirstName = null,
    string? LastName = null,
    string? Team = null,
    int? ExpiresInDays = null,
    bool SendEmail = true,
    IReadOnlyCollection<string>? AllowedRoles = null) : IRequest<InvitationResponse>;
