using Invitations.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Invitations.Api.ErrorHandling;

/// <summary>
/// An error as a client receives it. <see cref="Code"/> is its one name: the problem type is <see cref="TypePrefix"/> and the
/// code. As a result it answers in the error shape of the route it is for (<see cref="ErrorShape"/>).
/// </summary>
internal sealed partial record ApiError(int Status, string Code, string Title, string Detail) : IResult
{
    public const string TypePrefix = "urn:invitations:problem:";

    public static readonly ApiError Unavailable = new(503, "unavailable", "The service is unavailable.",
        "The service can't reach its database right now; try again shortly.") { RetryAfter = TimeSpan.FromSeconds(5) };

    public static readonly ApiError Internal = new(500, "internal", "Something went wrong on our side.",
        "Something went wrong on our side; it has been logged.");

    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Members added to the problem details: facts a client can act on, under their wire names.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A conflict of the moment (a concurrent change, a key in use) that the same request may not meet again.</summary>
    public bool Transient { get; init; }

    public string Type => TypePrefix + Code;

    /// <summary>A broken domain rule: its code decides the status and the title.</summary>
    public static ApiError ForRule(string code, string detail)
    {
        var (status, title) = RuleStatuses.Of(code);
        return new ApiError(status, code, title, detail) { Transient = code == ErrorCodes.Concurrency };
    }

    public Task ExecuteAsync(HttpContext httpContext) => ErrorShape.WriteAsync(httpContext, this);

    /// <summary>As RFC 9457 problem details; a <see cref="ValidationProblemDetails"/> when there are field errors.</summary>
    public ProblemDetails ToProblem(string? instance)
    {
        var problem = Errors is null ? new ProblemDetails() : new ValidationProblemDetails(Errors);
        problem.Type = Type;
        problem.Title = Title;
        problem.Status = Status;
        problem.Detail = Detail;
        problem.Instance = instance;
        foreach (var (key, value) in Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
