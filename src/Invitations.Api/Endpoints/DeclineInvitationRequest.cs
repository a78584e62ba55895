using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.Endpoints;

/// <param name="Block">Also: don't invite this address to the workspace again (until the workspace lifts it).</param>
public sealed record DeclineInvitationRequest(string? Token, [property: MaxLength(500)] string? Reason, bool? Block);
