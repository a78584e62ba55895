using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Invitations.ListInvitations;

public sealed record ListInvitationsQuery(Actor Actor, string? Status = null, string? Email = null, int? Limit = null, string? Cursor = null)
    : IRequest<InvitationPage>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>Only the invitations made through this join link; only those who manage the link see them.</summary>
    public JoinLinkId? JoinLinkId { get; init; }
}

public sealed record InvitationPage(IReadOnlyList<InvitationResponse> Items, string? NextCursor);
