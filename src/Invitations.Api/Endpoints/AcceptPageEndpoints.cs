using Invitations.Api.Pages;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The invitee's page (<see cref="InviteePages"/>). Once the invitation is looked up, it switches to the language the
/// invitation is to be shown in (contract §11). Its stylesheet and its texts and link-page scripts serve the join page too.
/// </summary>
internal static class AcceptPageEndpoints
{
    public static IEndpointRouteBuilder MapAcceptPage(this IEndpointRouteBuilder app) => app
        .MapTextPage<AcceptPageTexts>("/invitations/accept", "accept-views.html", "/invitations/accept.js", "/invitations/accept-decline.js")
        .MapAsset("/invitations/accept.css", "accept.css")
        .MapAsset("/invitations/accept.js", "accept.js")
        .MapAsset("/invitations/accept-texts.js", "accept-texts.js")
        .MapAsset("/invitations/link-page.js", "link-page.js")
        .MapAsset("/invitations/accept-decline.js", "accept-decline.js");
}
