using FluentValidation;
using FluentValidation.Results;
using Invitations.Application.Invitations.CreateInvitationsInBulk;

namespace Invitations.Api.Endpoints;

/// <summary>What the two forms of a bulk body share: the bytes (at most the route's 1 MiB) and the refusal past the last row.</summary>
internal static class BulkBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    /// <summary>The row past <see cref="CreateInvitationsInBulkCommand.MaxRows"/>: the validator's answer, before the rest is read.</summary>
    public static ValidationException TooManyRows() =>
        new([new ValidationFailure("invitations", CreateInvitationsInBulkCommand.RowCountRule)]);
}
