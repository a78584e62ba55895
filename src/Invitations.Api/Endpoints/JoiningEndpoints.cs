using Invitations.Api.ErrorHandling;
using Invitations.Application.JoinLinks.LookupJoinLink;
using Invitations.Application.JoinLinks.RequestToJoin;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Endpoints;

/// <summary>Joining through a link (contract §13): no key, the link's token is the credential. Rate-limited per client address.</summary>
internal static class JoiningEndpoints
{
    public static IEndpointRouteBuilder MapJoiningEndpoints(this IEndpointRouteBuilder app)
    {
        var joining = app.MapGroup("/v1/join-links")
            .RequireRateLimiting(InviteeEndpoints.RateLimitPolicy)
            .WithTags("Joining")
            .ProducesProblems(400, 404, 429, 503);

        joining.MapPost("/lookup", LookupAsync).WithName("LookupJoinLink")
            .WithSummary("Where a join link leads (workspace, role, team), whether it is open, and the language to show it in");
        joining.MapPost("/join", JoinAsync).WithName("JoinThroughLink")
            .WithSummary("Ask for an invitation by email; the same 202 whether or not one is sent (no answer tells who is a member or invited)")
            .ProducesProblem(410);
        return app;
    }

    private static async Task<Ok<JoinLinkLookupResponse>> LookupAsync(
        TokenRequest body, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new LookupJoinLinkQuery(body.Token, BrowserLanguages.Of(request)), cancellationToken));

    private static async Task<Accepted<JoinAnswer>> JoinAsync(JoinRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RequestToJoinCommand(body.Token, body.Email, body.FirstName, body.LastName, body.Locale), cancellationToken);
        return TypedResults.Accepted((string?)null, JoinAnswer.InvitationSent);
    }
}
