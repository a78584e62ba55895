using System.Net;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Localization;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>The email in the invitee's language (contract §11): the invitation's, else the workspace's default, else English.</summary>
internal static class InvitationEmailComposer
{
    public static EmailMessage Compose(
        OwedEmail owed, InvitationOptions invitations, EmailOptions email, IStringLocalizer<InvitationEmailTexts> texts)
    {
        var (workspace, invitation) = (owed.Workspace, owed.Invitation);
        var language = Languages.For(invitation.Locale, workspace.Branding.DefaultLocale);
        return Languages.In(language, () =>
        {
            var link = invitations.AcceptUrl(workspace.Branding.VerifiedDomain, owed.Claim.Token);
            var role = texts["Role_" + invitation.Role.Name()].Value;
            var dates = Languages.DateCulture(language, invitation.Locale);
            var expires = invitation.ExpiresAt.UtcDateTime;
            var expiry = texts["Expires", expires.ToString("D", dates), expires.ToString("t", dates)].Value;
            var subject = texts["Subject", invitation.InvitedByEmail, workspace.Name].Value;
            string Invited(Func<string, string> sentence, Func<string, string> fact) => string.Format(
                dates, sentence(texts["Invited"].Value), fact(invitation.InvitedByEmail), fact(workspace.Name), fact(role), fact(invitation.TeamTitle));

            var text = $"""
                {Invited(s => s, s => s)}

                {texts["AcceptLink"]}
                {link}

                {expiry} {texts["Ignore"]}
                """;

            static string H(string value) => WebUtility.HtmlEncode(value);
            var html = $"""
                <!doctype html>
                <html lang="{language}"><head><meta charset="utf-8"><title>{H(subject)}</title></head>
                <body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;background:#f6f8fa;padding:24px">
                <div style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:32px">
                <h1 style="font-size:20px;margin:0 0 16px">{H(texts["Heading", workspace.Name])}</h1>
                <p>{Invited(H, s => $"<strong>{H(s)}</strong>")}</p>
                <p style="margin:28px 0"><a href="{H(link)}" style="background:#1f6feb;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">{H(texts["AcceptButton"])}</a></p>
                <p style="font-size:13px;color:#57606a">{H(expiry)} {H(texts["Paste"])}<br><a href="{H(link)}">{H(link)}</a></p>
                <p style="font-size:13px;color:#57606a">{H(texts["Ignore"])}</p>
                </div></body></html>
                """;

            // One Message-Id per invitation and delivery, so a duplicate send is recognisable as the same message.
            var messageId = $"invitation-{invitation.Id.Value:N}-{owed.Claim.Number}@invitations";
            return new EmailMessage(
                workspace.Branding.VerifiedSender ?? email.DefaultFrom, invitation.Email, subject, text, html, messageId, language);
        });
    }
}
