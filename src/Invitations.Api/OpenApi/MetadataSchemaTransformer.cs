using System.Text.Json;
using Invitations.Domain.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>
/// <c>metadata</c> is the API's only free-form JSON (a <see cref="JsonElement"/>, so its keys are written as given): described as
/// the object the rules of contract §11 allow, not as "anything".
/// </summary>
internal sealed class MetadataSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(JsonElement) || type == typeof(JsonElement?))
        {
            schema.Type = type == typeof(JsonElement) ? JsonSchemaType.Object : JsonSchemaType.Object | JsonSchemaType.Null;
            schema.MaxProperties = Metadata.MaxKeys;
            schema.Description =
                $"Your own data, carried from the invitation to the member: a JSON object of at most {Metadata.MaxKeys} keys, each 1 to " +
                $"{Metadata.MaxKeyLength} characters of A-Z, a-z, 0-9, '_', '-' and '.', at most {Metadata.MaxBytes} bytes as UTF-8 JSON. " +
                "`{}` when none.";
        }

        return Task.CompletedTask;
    }
}
