using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invitations.Application.Invitations;

namespace Invitations.Api.Endpoints;

/// <param name="Line">CSV only: the row's physical line, the header being line 1.</param>
/// <param name="Error">Problem details, typed <c>object</c> so that a validation problem is written with its <c>errors</c>.</param>
public sealed record BulkRowResponse(
    [property: Range(0, 999)] int Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Range(2, int.MaxValue)] int? Line,
    string? Email,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InvitationResponse? Invitation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Error);
