using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.AcceptInvitation;
using Invitations.Application.Invitations.DeclineInvitation;
using Invitations.Application.Invitations.LookupInvitation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

/// <summary>No key: the token is the credential. Rate-limited per client address.</summary>
internal static class InviteeEndpoints
{
    public const string RateLimitPolicy = "invitee";

    public static IEndpointRouteBuilder MapInviteeEndpoints(this IEndpointRouteBuilder app)
    {
        var invitee = app.MapGroup("/v1/invitations")
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Invitee")
            .ProducesProblems(400, 404, 429, 503);

        invitee.MapPost("/lookup", LookupAsync).WithName("LookupInvitation")
            .WithSummary("What an invitation link is for: workspace, inviter, role, status, and the language to show it in");
        invitee.MapPost("/accept", AcceptAsync).WithName("AcceptInvitation")
            .WithSummary("Accept an invitation; single use").ProducesProblem(403).ProducesProblem(409).ProducesProblem(410);
        invitee.MapPost("/decline", DeclineAsync).WithName("DeclineInvitation")
            .WithSummary("Decline an invitation, optionally with a reason and asking not to be invited to the workspace again")
            .ProducesProblem(409).ProducesProblem(410);
        return app;
    }

    private static async Task<Ok<InvitationLookupResponse>> LookupAsync(
        TokenRequest body, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new LookupInvitationQuery(body.Token, BrowserLanguages.Of(request)), cancellationToken));

    private static async Task<Ok<AcceptedInvitationResponse>> AcceptAsync(
        AcceptInvitationRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new AcceptInvitationCommand(body.Token, body.FirstName, body.LastName), cancellationToken));

    private static async Task<Ok<DeclinedInvitationResponse>> DeclineAsync(
        DeclineInvitationRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DeclineInvitationCommand(body.Token, body.Reason, body.Block ?? false), cancellationToken));
}
