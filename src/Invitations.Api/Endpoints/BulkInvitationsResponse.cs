using System.Text.Json;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.CreateInvitationsInBulk;

namespace Invitations.Api.Endpoints;

public sealed record BulkInvitationsResponse(BulkSummary Summary, IReadOnlyList<BulkRowResponse> Results)
{
    public static BulkInvitationsResponse From(BulkInvitationsResult result) => new(
        new BulkSummary(result.Created, result.Failed),
        result.Results.Select(row => new BulkRowResponse(
                row.Index,
                row.Line,
                row.Email,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(row.Status.ToString()),
                row.Invitation,
                row.Error is null ? null : ApiExceptionHandler.Describe(row.Error)!.ToProblem(instance: null)))
            .ToList());
}
