using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Authorization;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Application.JoinLinks;
using Invitations.Application.JoinLinks.CreateJoinLink;
using Invitations.Application.JoinLinks.DisableJoinLink;
using Invitations.Application.JoinLinks.GetJoinLink;
using Invitations.Application.JoinLinks.ListJoinLinks;
using Invitations.Application.JoinLinks.RotateJoinLink;
using Invitations.Domain.JoinLinks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

/// <summary>Join links (contract §13), managed with an owner's or admin's key; <see cref="JoiningEndpoints"/> are for those who have one.</summary>
internal static class JoinLinkEndpoints
{
    public static IEndpointRouteBuilder MapJoinLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/v1/workspaces/{workspaceId:guid}/join-links")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Join links")
            .ProducesProblems(400, 401, 403, 404, 503);

        links.MapPost("/", CreateAsync).WithName("CreateJoinLink")
            .WithSummary("Make a join link with a role, a team, a use limit, an expiry and allowed domains; its URL is shown only here");
        links.MapGet("/", ListAsync).WithName("ListJoinLinks").WithSummary("The workspace's join links, newest first (never their URLs)");
        links.MapGet("/{linkId:guid}", GetAsync).WithName("GetJoinLink").WithSummary("One join link, with its uses and status");
        links.MapPost("/{linkId:guid}/disable", DisableAsync).WithName("DisableJoinLink")
            .WithSummary("Stop the link admitting anyone, at once; the invitations it made stay");
        links.MapPost("/{linkId:guid}/rotate", RotateAsync).WithName("RotateJoinLink")
            .WithSummary("A new URL for the link; the old one stops working at once, and the id and uses stay");
        links.MapGet("/{linkId:guid}/invitations", InvitationsAsync).WithName("ListJoinLinkInvitations")
            .WithSummary("The invitations made through the link, newest first, with keyset pagination");
        return app;
    }

    private static async Task<Created<JoinLinkResponse>> CreateAsync(
        Guid workspaceId, CreateJoinLinkRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        // A key that may not manage links learns nothing of what is wrong with its body.
        await mediator.Send(new CheckCallerRuleQuery(http.Actor(), CallerRule.MayManageJoinLinks), cancellationToken);
        var link = await mediator.Send(
            new CreateJoinLinkCommand(http.Actor(), body.Role, body.Team, body.MaxUses, body.ExpiresInDays, body.AllowedDomains, body.Description),
            cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/join-links/{link.Id}", link);
    }

    private static async Task<Ok<ItemsResponse<JoinLinkResponse>>> ListAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<JoinLinkResponse>(await mediator.Send(new ListJoinLinksQuery(http.Actor()), cancellationToken)));

    private static async Task<Ok<JoinLinkResponse>> GetAsync(Guid linkId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetJoinLinkQuery(http.Actor(), new JoinLinkId(linkId)), cancellationToken));

    private static async Task<Ok<JoinLinkResponse>> DisableAsync(Guid linkId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DisableJoinLinkCommand(http.Actor(), new JoinLinkId(linkId)), cancellationToken));

    private static async Task<Created<JoinLinkResponse>> RotateAsync(
        Guid workspaceId, Guid linkId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created(
            $"/v1/workspaces/{workspaceId}/join-links/{linkId}",
            await mediator.Send(new RotateJoinLinkCommand(http.Actor(), new JoinLinkId(linkId)), cancellationToken));

    private static async Task<Ok<InvitationPage>> InvitationsAsync(
        Guid linkId, HttpContext http, IMediator mediator, string? status, string? email,
        [Range(1, ListInvitationsQuery.MaxLimit), DefaultValue(ListInvitationsQuery.DefaultLimit)] int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        await mediator.Send(new CheckCallerRuleQuery(http.Actor(), CallerRule.MayManageJoinLinks), cancellationToken);
        return TypedResults.Ok(await mediator.Send(
            new ListInvitationsQuery(http.Actor(), status, email, limit, cursor) { JoinLinkId = new JoinLinkId(linkId) }, cancellationToken));
    }
}
