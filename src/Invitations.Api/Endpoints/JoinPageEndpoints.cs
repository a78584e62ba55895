using Invitations.Api.Pages;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The join page (contract §13, <see cref="InviteePages"/>): a join link's URL is <c>/join#token=…</c>. It looks like the
/// acceptance page (its stylesheet and texts script) and calls only the two <c>/v1/join-links/*</c> routes.
/// </summary>
internal static class JoinPageEndpoints
{
    public static IEndpointRouteBuilder MapJoinPage(this IEndpointRouteBuilder app) => app
        .MapTextPage<JoinPageTexts>("/join", "join-views.html", "/join.js")
        .MapAsset("/join.js", "join.js");
}
