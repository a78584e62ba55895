using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.Endpoints;

/// <summary>Optional: a resend with no body keeps the invitation's language.</summary>
public sealed record ResendInvitationRequest([property: MaxLength(64)] string? Locale);
