using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.Endpoints;

public sealed record BulkSummary([property: Range(0, 1000)] int Created, [property: Range(0, 1000)] int Failed);
