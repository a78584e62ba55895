namespace Invitations.Api.Pages;

/// <summary>
/// The texts the link pages share (roles, the waiting, retry and error words): LinkPageTexts.resx (English) and one
/// LinkPageTexts.&lt;language&gt;.resx per other language. Each page's own texts (<see cref="AcceptPageTexts"/>,
/// <see cref="JoinPageTexts"/>) come on top of them.
/// </summary>
public sealed class LinkPageTexts;
