using System.Globalization;
using System.Net;
using Invitations.Application.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.EmailOutbox;

internal static class InvitationEmailComposer
{
    public static EmailMessage Compose(OwedEmail owed, InvitationOptions invitations, EmailOptions email)
    {
        var (workspace, invitation) = (owed.Workspace, owed.Invitation);
        var link = invitations.AcceptUrl(workspace.Branding.VerifiedDomain, owed.Claim.Token);
        var role = invitation.Role.Name().Replace('_', ' ');
        var expires = invitation.ExpiresAt.UtcDateTime.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"{invitation.InvitedByEmail} invited you to join {workspace.Name}";

        var text = $"""
            {invitation.InvitedByEmail} has invited you to join {workspace.Name} as {role} in the team "{invitation.TeamTitle}".

            Accept the invitation:
            {link}

            This link expires on {expires}. If you weren't expecting this invitation, you can ignore this email.
            """;

        string H(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;background:#f6f8fa;padding:24px">
            <div style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:32px">
            <h1 style="font-size:20px;margin:0 0 16px">Join {H(workspace.Name)}</h1>
            <p><strong>{H(invitation.InvitedByEmail)}</strong> has invited you to join <strong>{H(workspace.Name)}</strong>
            as <strong>{H(role)}</strong> in the team <strong>{H(invitation.TeamTitle)}</strong>.</p>
            <p style="margin:28px 0"><a href="{H(link)}" style="background:#1f6feb;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">Accept invitation</a></p>
            <p style="font-size:13px;color:#57606a">This link expires on {H(expires)}. If the button doesn't work, paste this address into your browser:<br><a href="{H(link)}">{H(link)}</a></p>
            <p style="font-size:13px;color:#57606a">If you weren't expecting this invitation, you can ignore this email.</p>
            </div></body></html>
            """;

        // One Message-Id per invitation and delivery, so a duplicate send is recognisable as the same message.
        var messageId = $"invitation-{invitation.Id.Value:N}-{owed.Claim.Number}@invitations";
        return new EmailMessage(
            workspace.Branding.VerifiedSender ?? email.DefaultFrom, invitation.Email, subject, text, html, messageId);
    }
}
