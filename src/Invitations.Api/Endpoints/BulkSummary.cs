namespace Invitations.Api.Endpoints;

public sealed record BulkSummary(int Created, int Failed);
