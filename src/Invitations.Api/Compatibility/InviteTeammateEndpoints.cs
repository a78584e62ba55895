using System.Globalization;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Api.Compatibility;

/// <summary>Compatibility route A: the seed's "invite new teammate" endpoint, body and error shapes as documented there.</summary>
internal static class InviteTeammateEndpoints
{
    private static readonly string[] AllowedRoles = ["collaborator", "teammate", "admin", "agent", "team_supervisor"];

    /// <summary>The route, also how errors raised before routing know to answer in this route's shape.</summary>
    public const string Route = "/integrations/api/workspace/invitations";

    public sealed record InviteRequest(string? Email, string? FirstName, string? LastName, string? TeamTitle, string? Role);

    public sealed record InvitedTeammate(
        long UserId, string DisplayName, string Email, string Status, string CreatedAt, string Role, string TeamTitle,
        IReadOnlyList<object> WhatsappAccounts);

    public sealed record Envelope(string Status, InvitedTeammate Data);

    public static IEndpointRouteBuilder MapInviteTeammateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, InviteAsync)
            .RequireAuthorization(AuthSetup.ApiKeyPolicy)
            .WithMetadata(new ErrorShapeMetadata(ErrorShape.StatusMessage))
            .WithTags("Compatibility")
            .WithName("CompatInviteTeammate")
            .WithSummary("Invite new teammate to the workspace (compatibility route A)");
        return app;
    }

    private static async Task<IResult> InviteAsync(InviteRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
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
        return TypedResults.Ok(new Envelope("ok", Teammate(invitation)));
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
    internal static string Timestamp(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{value:yyyy-MM-dd HH:mm:ss} {sign}{offset.Duration():hhmm}");
    }
}
