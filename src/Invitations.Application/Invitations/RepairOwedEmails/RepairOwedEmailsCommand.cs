using MediatR;

namespace Invitations.Application.Invitations.RepairOwedEmails;

/// <summary>
/// Schedules every owed email whose job was never enqueued (the process died between commit and enqueue).
/// Returns how many were scheduled.
/// </summary>
public sealed record RepairOwedEmailsCommand(int BatchSize = 500) : IRequest<int>
{
    /// <summary>Younger requests are left alone: their own post-commit enqueue is probably still under way.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
}
