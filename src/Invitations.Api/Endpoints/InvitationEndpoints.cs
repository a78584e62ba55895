using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Invitations.GetInvitation;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Application.Invitations.ResendInvitation;
using Invitations.Application.Invitations.RevokeInvitation;
using Invitations.Application.Workspaces;
using Invitations.Application.Workspaces.ListMembers;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

internal static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var workspace = app.MapGroup("/v1/workspaces/{workspaceId:guid}")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Invitations")
            .ProducesProblems(400, 401, 403, 404, 429, 503);

        workspace.MapPost("/invitations", CreateAsync).WithName("CreateInvitation")
            .WithSummary("Invite a person by email").ProducesProblem(409);
        workspace.MapGet("/invitations", ListAsync).WithName("ListInvitations")
            .WithSummary("List invitations, newest first, with keyset pagination");
        workspace.MapGet("/invitations/{invitationId:guid}", GetAsync).WithName("GetInvitation")
            .WithSummary("One invitation, with its email status");
        workspace.MapPost("/invitations/{invitationId:guid}/revoke", RevokeAsync).WithName("RevokeInvitation")
            .WithSummary("Revoke a pending invitation; its link stops working").ProducesProblem(409);
        workspace.MapPost("/invitations/{invitationId:guid}/resend", ResendAsync).WithName("ResendInvitation")
            .WithSummary("Email a fresh link with a fresh lifetime; the old link stops working").ProducesProblem(409);
        workspace.MapGet("/members", MembersAsync).WithName("ListMembers").WithTags("Members")
            .WithSummary("The workspace's members");
        return app;
    }

    private static async Task<Created<InvitationResponse>> CreateAsync(
        Guid workspaceId, CreateInvitationRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(
            new CreateInvitationCommand(http.Actor(), body.Email, body.Role, body.FirstName, body.LastName, body.Team,
                body.ExpiresInDays, body.SendEmail ?? true),
            cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/invitations/{invitation.Id}", invitation);
    }

    private static async Task<Ok<InvitationPage>> ListAsync(
        HttpContext http, IMediator mediator, string? status, string? email, string? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        // limit arrives as text so that "abc" gets the same clear 400 as 0 or 500.
        var parsedLimit = limit is null ? (int?)null : int.TryParse(limit, out var n) ? n : -1;
        return TypedResults.Ok(await mediator.Send(
            new ListInvitationsQuery(http.Actor(), status, email, parsedLimit, cursor), cancellationToken));
    }

    private static async Task<Ok<InvitationResponse>> GetAsync(
        Guid invitationId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvitationQuery(http.Actor(), new InvitationId(invitationId)), cancellationToken));

    private static async Task<Ok<InvitationResponse>> RevokeAsync(
        Guid invitationId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RevokeInvitationCommand(http.Actor(), new InvitationId(invitationId)), cancellationToken));

    private static async Task<Accepted<InvitationResponse>> ResendAsync(
        Guid workspaceId, Guid invitationId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted(
            $"/v1/workspaces/{workspaceId}/invitations/{invitationId}",
            await mediator.Send(new ResendInvitationCommand(http.Actor(), new InvitationId(invitationId)), cancellationToken));

    private static async Task<Ok<ItemsResponse<MemberResponse>>> MembersAsync(
        HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<MemberResponse>(await mediator.Send(new ListMembersQuery(http.Actor()), cancellationToken)));
}
