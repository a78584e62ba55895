using MimeKit;

namespace Invitations.IntegrationTests.EmailDelivery;

/// <summary>
/// contracts §3.5: names people typed are text in an email's headers too. A workspace name shaped like an RFC 2047
/// encoded-word reached the Subject raw, and mail clients decoded it into a line break and a "Bcc:" line.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class EmailHeaderTests(ServiceHost api)
{
    [Theory]
    [InlineData("=?utf-8?q?=0D=0ABcc:_victim@example.com?=")]
    [InlineData("Acme =?iso-8859-1?b?QmNjOiB2aWN0aW1AZXhhbXBsZS5jb20=?= Ltd")]
    [InlineData("Ünïcödé =?utf-8?q?=0D=0AX-Evil:_1?= ✓ and a name long enough to need more than one encoded word")]
    public async Task WorkspaceNameShapedLikeAnEncodedWord_ReadsInTheSubjectExactlyAsTyped(string name)
    {
        var workspace = await api.CreateWorkspaceAsync(name);
        var email = Mailbox.NewAddress("encoded-word");

        await api.InviteAsync(workspace, email);

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var asReceived = MimeMessage.Load(new MemoryStream(message.Raw));
        Assert.Single(asReceived.Headers, header => header.Id == HeaderId.Subject);
        Assert.Equal($"{workspace.OwnerEmail} invited you to join {name}", asReceived.Subject);
        Assert.Equal(email, Assert.Single(asReceived.To.Mailboxes).Address, ignoreCase: true);
        Assert.Empty(asReceived.Cc);
        Assert.Empty(asReceived.Bcc);
        Assert.DoesNotContain(asReceived.Headers, header => header.Field is "X-Evil");
    }

    [Fact]
    public async Task OrdinaryWorkspaceName_KeepsAPlainReadableSubject()
    {
        var workspace = await api.CreateWorkspaceAsync("Northwind Traders");
        var email = Mailbox.NewAddress("plain-subject");

        await api.InviteAsync(workspace, email);

        var message = Assert.Single(await api.Smtp.WaitForMailAsync(email));
        var asReceived = MimeMessage.Load(new MemoryStream(message.Raw));
        var subject = Assert.Single(asReceived.Headers, header => header.Id == HeaderId.Subject);
        Assert.Equal($"{workspace.OwnerEmail} invited you to join Northwind Traders", asReceived.Subject);
        Assert.DoesNotContain("=?", System.Text.Encoding.ASCII.GetString(subject.RawValue), StringComparison.Ordinal);
    }
}
