using Invitations.Api.Middleware;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>Documents the <c>Idempotency-Key</c> header on every route that takes one (<see cref="IdempotencyKeys.Idempotent{TBuilder}"/>).</summary>
internal sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.IsIdempotent(context.Description.ActionDescriptor.EndpointMetadata))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: the same key with the same request replays the first response (with "
                + $"`{IdempotencyKeys.ReplayedHeader}: true`) and does nothing again; with another request it is 422, while the "
                + "first still runs 409; all of these only to a caller who may make the request (anyone else gets its 403). "
                + "Scoped to the workspace, kept a day.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxLength, Pattern = "^[!-~]+$" },
        });
        return Task.CompletedTask;
    }
}
