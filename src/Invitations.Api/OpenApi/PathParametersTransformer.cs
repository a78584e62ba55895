using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>
/// Every <c>{parameter}</c> of the route declared, also those the handler does not bind (a group's <c>{workspaceId}</c> that
/// only the authorization policy reads): a <c>guid</c> constraint makes it a uuid.
/// </summary>
internal sealed class PathParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var template = context.Description.ActionDescriptor.AttributeRouteInfo?.Template ?? context.Description.RelativePath;
        if (template is null)
        {
            return Task.CompletedTask;
        }

        var pattern = RoutePatternFactory.Parse(template);
        operation.Parameters ??= [];
        var declared = operation.Parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var position = 0;
        foreach (var parameter in pattern.Parameters.Where(p => !declared.Contains(p.Name)))
        {
            var isGuid = parameter.ParameterPolicies.Any(policy => policy.Content == "guid");
            operation.Parameters.Insert(position++, new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = isGuid ? "uuid" : null },
            });
        }

        return Task.CompletedTask;
    }
}
