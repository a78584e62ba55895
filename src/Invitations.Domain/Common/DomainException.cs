namespace Invitations.Domain.Common;

/// <summary>A broken business rule. <see cref="Code"/> is stable; the API maps it to a status and problem type.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Extra facts a client can act on, such as the id of the invitation that blocks a duplicate.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    /// <summary>Set when the rule is a rate limit: how long until the same request may succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
