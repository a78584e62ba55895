namespace Invitations.Domain.JoinLinks;

public readonly record struct JoinLinkId(Guid Value)
{
    public static JoinLinkId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
