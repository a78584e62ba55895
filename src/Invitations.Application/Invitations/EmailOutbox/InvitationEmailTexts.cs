namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>
/// Names the invitation email's texts: InvitationEmailTexts.resx (English) and one InvitationEmailTexts.&lt;language&gt;.resx per
/// other language in <see cref="Common.Languages.Shipped"/>, read through <c>IStringLocalizer&lt;InvitationEmailTexts&gt;</c>.
/// </summary>
public sealed class InvitationEmailTexts;
