using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.AddMember;
using Invitations.Application.Workspaces.AddTeam;
using Invitations.Application.Workspaces.CreateApiKey;
using Invitations.Application.Workspaces.CreateWorkspace;
using Invitations.Application.Workspaces.SetBranding;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin/workspaces")
            .RequireAuthorization(AuthSetup.OperatorPolicy)
            .WithTags("Operator")
            .ProducesProblems(400, 401, 403, 503);

        admin.MapPost("/", CreateWorkspaceAsync).WithName("CreateWorkspace")
            .WithSummary("Create a workspace with its owner; the owner's first API key is shown only here");
        admin.MapPost("/{workspaceId:guid}/members", AddMemberAsync).WithName("AddMember")
            .WithSummary("Add a member directly, without an invitation").ProducesProblem(404).ProducesProblem(409);
        admin.MapPost("/{workspaceId:guid}/api-keys", CreateApiKeyAsync).WithName("CreateApiKey")
            .WithSummary("A new API key for a member; shown only here").ProducesProblem(404);
        admin.MapPost("/{workspaceId:guid}/teams", AddTeamAsync).WithName("AddTeam")
            .WithSummary("Add a team to the workspace").ProducesProblem(404).ProducesProblem(409);
        admin.MapPut("/{workspaceId:guid}/branding", SetBrandingAsync).WithName("SetBranding")
            .WithSummary("Set the white-label sender, the custom link domain and the invitees' default language").ProducesProblem(404);
        return app;
    }

    private static async Task<Created<CreatedWorkspaceResponse>> CreateWorkspaceAsync(
        CreateWorkspaceRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(
            new CreateWorkspaceCommand(body.Name, body.Owner?.Email, body.Owner?.FirstName, body.Owner?.LastName), cancellationToken);
        return TypedResults.Created($"/v1/admin/workspaces/{created.WorkspaceId}", created);
    }

    private static async Task<Created<MemberResponse>> AddMemberAsync(
        Guid workspaceId, AddMemberRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var member = await mediator.Send(
            new AddMemberCommand(new WorkspaceId(workspaceId), body.Email, body.FirstName, body.LastName, body.Role, body.Team),
            cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/members", member);
    }

    private static async Task<Created<ApiKeyResponse>> CreateApiKeyAsync(
        Guid workspaceId, CreateApiKeyRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created(
            (string?)null, await mediator.Send(new CreateApiKeyCommand(new WorkspaceId(workspaceId), body.UserId), cancellationToken));

    private static async Task<Created<TeamResponse>> AddTeamAsync(
        Guid workspaceId, AddTeamRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created(
            (string?)null, await mediator.Send(new AddTeamCommand(new WorkspaceId(workspaceId), body.Title), cancellationToken));

    private static async Task<Ok<BrandingResponse>> SetBrandingAsync(
        Guid workspaceId, BrandingRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new SetBrandingCommand(
                new WorkspaceId(workspaceId),
                body.WhiteLabel ?? false,
                body.SenderEmail,
                body.SenderEmailVerified ?? false,
                body.CustomDomain,
                body.CustomDomainVerified ?? false,
                body.DefaultLocale),
            cancellationToken));
}
