namespace Invitations.Api.OpenApi;

/// <summary>
/// The document at <c>/openapi/v1.json</c>, complete enough that it lints clean (<c>build/redocly.yaml</c>) and a generated client
/// authenticates. Endpoints state their summaries and responses; these transformers derive the rest from endpoint metadata,
/// so a route added later is described the same way.
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddInvitationsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<PathParametersTransformer>();
            options.AddOperationTransformer<SecurityRequirementsTransformer>();
            options.AddOperationTransformer<RetryAfterTransformer>();
            options.AddOperationTransformer<IdempotencyKeyHeader>();
            options.AddSchemaTransformer<MetadataSchemaTransformer>();
        });
}
