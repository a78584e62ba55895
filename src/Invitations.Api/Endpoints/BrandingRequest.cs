namespace Invitations.Api.Endpoints;

public sealed record BrandingRequest(
    bool? WhiteLabel, string? SenderEmail, bool? SenderEmailVerified, string? CustomDomain, bool? CustomDomainVerified);
