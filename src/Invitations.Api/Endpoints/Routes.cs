using Invitations.Api.Compatibility;

namespace Invitations.Api.Endpoints;

internal static class Routes
{
    /// <summary>Every route group: the compatibility routes, the native API, the invitee's pages, the operator's and operations'.</summary>
    public static IEndpointRouteBuilder MapInvitationsRoutes(this IEndpointRouteBuilder app)
    {
        app.MapInviteTeammateEndpoints();
        app.MapWorkspaceInviteEndpoints();
        app.MapInvitationEndpoints();
        app.MapOptOutEndpoints();
        app.MapWorkspaceRuleEndpoints();
        app.MapWebhookEndpoints();
        app.MapInviteeEndpoints();
        app.MapJoinLinkEndpoints();
        app.MapJoiningEndpoints();
        app.MapAdminEndpoints();
        app.MapAcceptPage();
        app.MapJoinPage();
        app.MapOperationsEndpoints();
        return app;
    }
}
