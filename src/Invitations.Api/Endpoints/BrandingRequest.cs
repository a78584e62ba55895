using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.Endpoints;

public sealed record BrandingRequest(
    bool? WhiteLabel, string? SenderEmail, bool? SenderEmailVerified, string? CustomDomain, bool? CustomDomainVerified,
    [property: MaxLength(64)] string? DefaultLocale = null);
