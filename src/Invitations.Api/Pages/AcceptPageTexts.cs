namespace Invitations.Api.Pages;

/// <summary>
/// Names the acceptance page's texts: AcceptPageTexts.resx (English) and one AcceptPageTexts.&lt;language&gt;.resx per other
/// language the service ships, read through <c>IStringLocalizer&lt;AcceptPageTexts&gt;</c>. A <c>{name}</c> in a text is a fact
/// the page fills in from the invitation.
/// </summary>
public sealed class AcceptPageTexts;
