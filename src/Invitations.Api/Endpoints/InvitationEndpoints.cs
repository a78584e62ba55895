using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Invitations.Api.Auth;
using Invitations.Api.ErrorHandling;
using Invitations.Api.Middleware;
using Invitations.Application.Authorization;
using Invitations.Application.Invitations;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Application.Invitations.CreateInvitationsInBulk;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Endpoints;

internal static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var workspace = app.MapGroup("/v1/workspaces/{workspaceId:guid}")
            .RequireAuthorization(AuthSetup.WorkspacePolicy)
            .WithTags("Invitations")
            .ProducesProblems(400, 401, 403, 404, 429, 503);

        workspace.MapPost("/invitations", CreateAsync).WithName("CreateInvitation").Idempotent(CallerRule.MayInvite)
            .WithSummary("Invite a person by email").ProducesProblem(409);
        workspace.MapPost("/invitations/bulk", BulkAsync).WithName("CreateInvitationsInBulk").Idempotent(CallerRule.MayInvite)
            .WithSummary("Invite up to 1,000 people at once (JSON or CSV), with a result for every row")
            .Accepts<BulkInvitationsRequest>("application/json", BulkCsv.MediaType)
            .Produces<BulkInvitationsResponse>()
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415)
            .WithMetadata(new RequestSizeLimitAttribute(BodySizeLimit.BulkMaxBytes));
        workspace.MapGet("/invitations", ListAsync).WithName("ListInvitations")
            .WithSummary("List invitations, newest first, with keyset pagination");
        workspace.MapGet("/invitations/{invitationId:guid}", GetAsync).WithName("GetInvitation")
            .WithSummary("One invitation, with its email status");
        workspace.MapPost("/invitations/{invitationId:guid}/revoke", RevokeAsync).WithName("RevokeInvitation").Idempotent(CallerRule.MayInvite)
            .WithSummary("Revoke a pending invitation; its link stops working").ProducesProblem(409);
        workspace.MapPost("/invitations/{invitationId:guid}/resend", ResendAsync).WithName("ResendInvitation").Idempotent(CallerRule.MayInvite)
            .WithSummary("Email a fresh link with a fresh lifetime (optionally in another language); the old link stops working").ProducesProblem(409);
        workspace.MapGet("/members", MembersAsync).WithName("ListMembers").WithTags("Members")
            .WithSummary("The workspace's members");
        return app;
    }

    private static async Task<Created<InvitationResponse>> CreateAsync(
        Guid workspaceId, CreateInvitationRequest body, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(
            new CreateInvitationCommand(http.Actor(), body.Email, body.Role, body.FirstName, body.LastName, body.Team,
                body.ExpiresInDays, body.SendEmail ?? true, Metadata: body.Metadata, Locale: body.Locale),
            cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/invitations/{invitation.Id}", invitation);
    }

    private static async Task<IResult> BulkAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        // Before the body is read: a key that may not invite costs no parsing.
        await mediator.Send(new CheckCallerRuleQuery(http.Actor(), CallerRule.MayInvite), cancellationToken);
        var request = http.Request;
        var (rows, defaults) = request.HasJsonContentType() ? await BulkJson.ReadAsync(request, cancellationToken)
            : MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(BulkCsv.MediaType, StringComparison.OrdinalIgnoreCase)
                ? (await BulkCsv.ReadAsync(request, cancellationToken), QueryDefaults(request.Query))
            : throw new UnreadableBodyException(
                $"Send the invitations as JSON (Content-Type: application/json) or as CSV (Content-Type: {BulkCsv.MediaType}).", 415);
        var result = await mediator.Send(new CreateInvitationsInBulkCommand(http.Actor(), rows, defaults), cancellationToken);
        return TypedResults.Ok(BulkInvitationsResponse.From(result));
    }

    /// <summary>A CSV request's defaults, as query parameters; a value that isn't a number or a boolean is refused by name.</summary>
    private static BulkInvitationDefaults QueryDefaults(IQueryCollection query)
    {
        int? days = query["expires_in_days"].ToString() is { Length: > 0 } d
            ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new UnreadableBodyException("The query parameter 'expires_in_days' must be a whole number of days (1-30).")
            : null;
        bool? send = query["send_email"].ToString() is { Length: > 0 } s
            ? bool.TryParse(s, out var b) ? b : throw new UnreadableBodyException("The query parameter 'send_email' must be true or false.")
            : null;
        return new BulkInvitationDefaults(NullIfEmpty(query["role"]), NullIfEmpty(query["team"]), days, send, Locale: NullIfEmpty(query["locale"]));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<Ok<InvitationPage>> ListAsync(
        HttpContext http, IMediator mediator, string? status, string? email,
        [Range(1, ListInvitationsQuery.MaxLimit), DefaultValue(ListInvitationsQuery.DefaultLimit)] int? limit, string? cursor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListInvitationsQuery(http.Actor(), status, email, limit, cursor), cancellationToken));

    private static async Task<Ok<InvitationResponse>> GetAsync(
        Guid invitationId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvitationQuery(http.Actor(), new InvitationId(invitationId)), cancellationToken));

    private static async Task<Ok<InvitationResponse>> RevokeAsync(
        Guid invitationId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RevokeInvitationCommand(http.Actor(), new InvitationId(invitationId)), cancellationToken));

    private static async Task<Accepted<InvitationResponse>> ResendAsync(
        Guid workspaceId, Guid invitationId, ResendInvitationRequest? body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted(
            $"/v1/workspaces/{workspaceId}/invitations/{invitationId}",
            await mediator.Send(new ResendInvitationCommand(http.Actor(), new InvitationId(invitationId), body?.Locale), cancellationToken));

    private static async Task<Ok<ItemsResponse<MemberResponse>>> MembersAsync(
        HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<MemberResponse>(await mediator.Send(new ListMembersQuery(http.Actor()), cancellationToken)));
}
