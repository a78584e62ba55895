using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Domain.Tests.Workspaces;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_StoresOnlyTheHashOfAPrefixedKey()
    {
        var workspaceId = WorkspaceId.New();

        var (key, plaintext) = ApiKey.Issue(workspaceId, 42, Now);

        Assert.StartsWith("inv_", plaintext, StringComparison.Ordinal);
        Assert.NotEqual(plaintext, key.KeyHash);
        Assert.DoesNotContain(plaintext, key.KeyHash, StringComparison.Ordinal);
        Assert.Equal(SecretToken.HashOf(plaintext), key.KeyHash);
        Assert.Equal(workspaceId, key.WorkspaceId);
        Assert.Equal(42, key.UserId);
    }

    [Fact]
    public void Issue_TwoKeys_Differ()
    {
        var workspaceId = WorkspaceId.New();

        var (first, firstPlaintext) = ApiKey.Issue(workspaceId, 42, Now);
        var (second, secondPlaintext) = ApiKey.Issue(workspaceId, 42, Now);

        Assert.NotEqual(firstPlaintext, secondPlaintext);
        Assert.NotEqual(first.KeyHash, second.KeyHash);
        Assert.NotEqual(first.Id, second.Id);
    }
}
