using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invitations.Api.OpenApi;

/// <summary>What the document says about itself: title, license, tags, the server it was read from, and the security schemes.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Compatibility"] = "Two existing products' invite endpoints, spoken exactly: their bodies and their own error shapes.",
        ["Invitations"] = "Invite people to a workspace, list, revoke and resend invitations, and see who asked not to be invited again (workspace API key).",
        ["Members"] = "The workspace's members (workspace API key).",
        ["Seats and policy"] = "How many seats a workspace has and uses, and who may invite whom (owner or admin key to change the policy).",
        ["Webhooks"] = "Signed invitation events, per the Standard Webhooks specification (owner or admin key).",
        ["Invitee"] = "What the person invited calls to look at, accept or decline: no key, the token from the email link is the credential.",
        ["Join links"] = "Shareable links that let anyone who has one ask to join with their email address, with a role, a team, a use limit, " +
                         "an expiry and allowed domains (owner or admin key).",
        ["Joining"] = "What a person with a join link calls to see where it leads and to ask for an invitation: no key, the link's token is " +
                      "the credential.",
        ["Operator"] = "Workspaces, members, keys, teams and branding (the operator key).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Invitations API";
        document.Info.Description =
            "Invite people to workspaces by email. Native routes answer errors as RFC 9457 problem details; the compatibility " +
            "routes answer in their own documented shapes.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };

        // Relative to where the document was read: behind a load balancer the host a node sees is not the one clients call.
        // The path base stays; clients append paths that start with '/', so no trailing slash.
        foreach (var server in document.Servers ?? [])
        {
            var path = Uri.TryCreate(server.Url, UriKind.Absolute, out var url) ? url.AbsolutePath : server.Url ?? "/";
            server.Url = path.TrimEnd('/') is { Length: > 0 } pathBase ? pathBase : "/";
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out var description))
            {
                tag.Description = description;
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in SecuritySchemes.All)
        {
            document.Components.SecuritySchemes[name] = scheme;
        }

        return Task.CompletedTask;
    }
}
