namespace Invitations.IntegrationTests.BadInput;

/// <summary>Every native and invitee route that reads a JSON body, by a short name, with the client and path that reach it.</summary>
public static class StrictJsonRoutes
{
    public static (HttpClient Client, HttpMethod Method, string Path) Target(ApiFactory api, TestWorkspace workspace, string route) => route switch
    {
        "create" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, ApiClients.Native(workspace)),
        "bulk" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, $"{ApiClients.Native(workspace)}/bulk"),
        "webhook-create" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, WebhookScenario.Webhooks(workspace)),
        "webhook-patch" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Patch, $"{WebhookScenario.Webhooks(workspace)}/{Guid.NewGuid()}"),
        "lookup" => (api.CreateClient(), HttpMethod.Post, "/v1/invitations/lookup"),
        "accept" => (api.CreateClient(), HttpMethod.Post, "/v1/invitations/accept"),
        "join-link-create" => (api.ClientWithKey(workspace.ApiKey), HttpMethod.Post, JoinLinkScenario.JoinLinks(workspace)),
        "join-lookup" => (api.CreateClient(), HttpMethod.Post, JoinLinkScenario.Lookup),
        "join" => (api.CreateClient(), HttpMethod.Post, JoinLinkScenario.Join),
        "admin-workspaces" => (api.OperatorClient(), HttpMethod.Post, "/v1/admin/workspaces"),
        "admin-branding" => (api.OperatorClient(), HttpMethod.Put, $"/v1/admin/workspaces/{workspace.Id}/branding"),
        _ => (api.OperatorClient(), HttpMethod.Post, $"/v1/admin/workspaces/{workspace.Id}/{route["admin-".Length..]}"),
    };
}
