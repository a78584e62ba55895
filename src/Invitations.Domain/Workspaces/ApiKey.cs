using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

/// <summary>A workspace API key acting as one member. The key itself is shown once; only its hash is kept.</summary>
public sealed class ApiKey
{
    public const string Prefix = "inv_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public long UserId { get; private set; }

    public string KeyHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static (ApiKey Key, string Plaintext) Issue(WorkspaceId workspaceId, long userId, DateTimeOffset now)
    {
        var secret = SecretToken.New(Prefix);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            UserId = userId,
            KeyHash = secret.Hash,
            CreatedAt = now,
        };
        return (key, secret.Plaintext);
    }
}
