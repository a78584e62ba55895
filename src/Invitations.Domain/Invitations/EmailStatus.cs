namespace Invitations.Domain.Invitations;

/// <summary>Where the newest invitation email stands. <see cref="None"/>: the caller delivers the link itself.</summary>
public enum EmailStatus
{
    None,
    Queued,
    Sent,
    Failed,
}
