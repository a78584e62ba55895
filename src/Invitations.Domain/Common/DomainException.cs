namespace Invitations.Domain.Common;

/// <summary>A broken rule: which one (<see cref="Code"/>, one of <see cref="ErrorCodes"/>) and the facts a caller can act on.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The invitation the rule ran into, when it is not the one asked about: the pending one a duplicate meets.</summary>
    public Guid? InvitationId { get; init; }

    /// <summary>The status that broke the rule, when the invitation had to be pending.</summary>
    public string? InvitationStatus { get; init; }

    /// <summary>Why a join link admits nobody: its status (<c>disabled</c>, <c>expired</c>, <c>used_up</c>).</summary>
    public string? JoinLinkStatus { get; init; }

    /// <summary>For the seat limit: the limit and the seats in use when the request was refused.</summary>
    public (int Limit, int InUse)? Seats { get; init; }

    /// <summary>For a limit: how long until the same request is allowed again.</summary>
    public TimeSpan? AllowedAgainIn { get; init; }
}
