namespace Invitations.Api.ErrorHandling;

/// <param name="Kind">The problem type's last segment, e.g. <c>duplicate-pending</c>.</param>
public sealed record ApiError(
    int Status,
    string Kind,
    string Title,
    string Detail,
    IDictionary<string, string[]>? Errors = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public const string TypePrefix = "urn:invitations:problem:";

    public string Type => TypePrefix + Kind;
}
