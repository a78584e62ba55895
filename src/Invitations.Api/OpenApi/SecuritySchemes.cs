using Invitations.Api.Auth;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>How a client satisfies each authorization policy, in OpenAPI terms.</summary>
internal static class SecuritySchemes
{
    public const string Bearer = "bearerApiKey";
    public const string ApiKeyHeader = "apiKeyHeader";
    public const string OperatorKey = "operatorKey";

    public static readonly IReadOnlyDictionary<string, IOpenApiSecurityScheme> All = new Dictionary<string, IOpenApiSecurityScheme>
    {
        [Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A workspace API key as `Authorization: Bearer <key>`.",
        },
        [ApiKeyHeader] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-api-key",
            Description = "A workspace API key as `x-api-key: <key>`. If both headers are sent they must carry the same key.",
        },
        [OperatorKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-operator-key",
            Description = "The operator secret (`Operator:ApiKey`). Without it configured, operator routes answer 403.",
        },
    };

    /// <summary>Per policy, the alternatives (any one of them will do); each alternative is the schemes it needs together.</summary>
    public static readonly IReadOnlyDictionary<string, string[][]> ByPolicy = new Dictionary<string, string[][]>
    {
        [AuthSetup.WorkspacePolicy] = [[Bearer], [ApiKeyHeader]],
        [AuthSetup.ApiKeyPolicy] = [[Bearer], [ApiKeyHeader]],
        [AuthSetup.WorkspaceHeaderPolicy] = [[Bearer], [ApiKeyHeader]],
        [AuthSetup.OperatorPolicy] = [[OperatorKey]],
    };

    /// <summary>Headers a policy requires besides the credential, declared as parameters of the operations it guards.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Description)[]> HeadersByPolicy =
        new Dictionary<string, (string Name, string Description)[]>
        {
            [AuthSetup.WorkspaceHeaderPolicy] =
                [(WorkspaceHeaderRequirement.HeaderName, "The workspace's id again: it must equal `workspaceId` in the path.")],
        };
}
