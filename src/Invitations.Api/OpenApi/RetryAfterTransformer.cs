using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>Every 429 and 503 a route documents carries <c>Retry-After</c>, whatever its error shape: say so.</summary>
internal sealed class RetryAfterTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] Statuses = ["429", "503"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var status in Statuses)
        {
            if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
            }
        }

        return Task.CompletedTask;
    }
}
