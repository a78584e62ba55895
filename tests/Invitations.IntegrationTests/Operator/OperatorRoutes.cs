namespace Invitations.IntegrationTests.Operator;

/// <summary>Every operator route with a body it would accept, for tests that care only about who may call them.</summary>
public static class OperatorRoutes
{
    public static TheoryData<string, string, string> All(Guid workspaceId) => new()
    {
        { "POST", "/v1/admin/workspaces", """{"name":"Gate","owner":{"email":"gate@example.com"}}""" },
        { "POST", $"/v1/admin/workspaces/{workspaceId}/members", """{"email":"gate-member@example.com","role":"viewer"}""" },
        { "POST", $"/v1/admin/workspaces/{workspaceId}/api-keys", """{"user_id":1000}""" },
        { "POST", $"/v1/admin/workspaces/{workspaceId}/teams", """{"title":"Gate team"}""" },
        { "PUT", $"/v1/admin/workspaces/{workspaceId}/branding", """{"white_label":true}""" },
    };
}
