using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.Endpoints;

/// <param name="Locale">The language for the invitation email (BCP 47); the join page sends the one it is shown in.</param>
public sealed record JoinRequest(string? Token, string? Email, string? FirstName, string? LastName, [property: MaxLength(64)] string? Locale);
