using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>
/// Security from the endpoint's authorization policy: a route that requires one gets its schemes (and any header the policy
/// reads); a route that requires none says so with an empty requirement. A policy without a mapping fails the document.
/// </summary>
internal sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAllowAnonymous>().Any()
            ? []
            : metadata.OfType<IAuthorizeData>().Select(data => data.Policy ?? "(default)").Distinct().ToList();
        if (policies.Count == 0)
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        if (policies.Count > 1)
        {
            throw new InvalidOperationException(
                $"{context.Description.RelativePath} requires policies {string.Join(", ", policies)}; describe their combination here.");
        }

        var policy = policies[0];
        if (!SecuritySchemes.ByPolicy.TryGetValue(policy, out var alternatives))
        {
            throw new InvalidOperationException(
                $"{context.Description.RelativePath} requires policy '{policy}', which has no OpenAPI security scheme in {nameof(SecuritySchemes)}.");
        }

        operation.Security = alternatives
            .Select(schemes => Requirement(schemes, context.Document))
            .ToList();
        foreach (var (name, description) in SecuritySchemes.HeadersByPolicy.GetValueOrDefault(policy, []))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = true,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string[] schemes, OpenApiDocument? document)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [];
        }

        return requirement;
    }
}
