namespace Invitations.Api.Pages;

/// <summary>
/// Names the join page's texts: JoinPageTexts.resx (English) and one JoinPageTexts.&lt;language&gt;.resx per other language the
/// service ships, read through <c>IStringLocalizer&lt;JoinPageTexts&gt;</c>. A <c>{name}</c> in a text is a fact the page fills in
/// from the link.
/// </summary>
public sealed class JoinPageTexts;
