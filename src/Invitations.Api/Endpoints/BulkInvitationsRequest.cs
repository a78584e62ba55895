namespace Invitations.Api.Endpoints;

/// <summary>The JSON form of a bulk request; each row has the fields of a single create.</summary>
public sealed record BulkInvitationsRequest(IReadOnlyList<CreateInvitationRequest?>? Invitations, BulkDefaultsRequest? Defaults);
