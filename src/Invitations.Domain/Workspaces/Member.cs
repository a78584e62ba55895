using Invitations.Domain.Common;

namespace Invitations.Domain.Workspaces;

/// <summary>A person in a workspace. <see cref="UserId"/> is drawn from the same sequence that invitations reserve ids from.</summary>
public sealed class Member
{
    private Member()
    {
    }

    public long UserId { get; private set; }

    public WorkspaceId WorkspaceId { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public Role Role { get; private set; }

    public Guid TeamId { get; private set; }

    public string TeamTitle { get; private set; } = "";

    public MemberStatus Status { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>What the invitation that made the member carried (contract §11); empty for a member added directly.</summary>
    public Metadata Metadata { get; private set; } = Metadata.Empty;

    public static Member Join(
        WorkspaceId workspaceId,
        long userId,
        EmailAddress email,
        string? firstName,
        string? lastName,
        Role role,
        TeamRef team,
        DateTimeOffset now,
        Metadata? metadata = null) => new()
    {
        UserId = userId,
        WorkspaceId = workspaceId,
        Email = email.Value,
        NormalizedEmail = email.Normalized,
        FirstName = PersonName.Tidy(firstName),
        LastName = PersonName.Tidy(lastName),
        Role = role,
        TeamId = team.Id,
        TeamTitle = team.Title,
        Status = MemberStatus.Active,
        JoinedAt = now,
        Metadata = metadata ?? Metadata.Empty,
    };
}
