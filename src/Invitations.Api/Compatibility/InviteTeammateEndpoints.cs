using System.Globalization;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Api.Middleware;
using Invitations.Application.Authorization;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Api.Compatibility;

/// <summary>The invite-teammate route: the seed's "invite new teammate" endpoint, body and error shapes as documented there.</summary>
internal static class InviteTeammateEndpoints
{
    private static readonly string[] AllowedRoles = ["collaborator", "teammate", "admin", "agent", "team_supervisor"];

    public static IEndpointRouteBuilder MapInviteTeammateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/integrations/api/workspace/invitations", InviteAsync)
            .RequireAuthorization(AuthSetup.ApiKeyPolicy)
            .Produces<InviteTeammateResponse>()
            .WithErrorShape(message => new InviteTeammateError("error", message), 400, 401, 403, 409, 429, 503)
            .WithTags("Compatibility")
            .WithName("CompatInviteTeammate")
            .Idempotent(CallerRule.MayInvite)
            .WithSummary("Invite new teammate to the workspace (invite-teammate compatibility route)");
        return app;
    }

    private static async Task<IResult> InviteAsync(
        InviteTeammateRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(
            new CreateInvitationCommand(
                http.Actor(),
                body.Email,
                string.IsNullOrWhiteSpace(body.Role) ? Role.Teammate.Name() : body.Role,
                body.FirstName,
                body.LastName,
                string.IsNullOrWhiteSpace(body.TeamTitle) ? Team.DefaultTitle : body.TeamTitle,
                AllowedRoles: AllowedRoles),
            cancellationToken);
        return TypedResults.Ok(new InviteTeammateResponse("ok", Teammate(invitation)));
    }

    private static InvitedTeammate Teammate(InvitationResponse i) => new(
        i.UserId,
        string.Join(' ', new[] { i.FirstName, i.LastName }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : i.Email,
        i.Email,
        i.Status == "accepted" ? "active" : "invited",
        Timestamp(i.CreatedAt),
        i.Role,
        i.Team,
        []);

    /// <summary><c>yyyy-MM-dd HH:mm:ss +hhmm</c>, as in the seed (e.g. <c>2026-02-22 00:00:00 +0100</c>).</summary>
    private static string Timestamp(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{value:yyyy-MM-dd HH:mm:ss} {sign}{offset.Duration():hhmm}");
    }
}
