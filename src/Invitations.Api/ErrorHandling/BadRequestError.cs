using System.Text.Json;
using System.Text.RegularExpressions;

namespace Invitations.Api.ErrorHandling;

/// <summary>
/// What the framework refused before the route ran (<see cref="BadHttpRequestException"/>), as the error a client gets: a body
/// too large or not JSON, a JSON body it could not read (<see cref="JsonBodyError"/>), a route value it could not bind.
/// </summary>
internal static partial class BadRequestError
{
    public static ApiError Describe(BadHttpRequestException e) => e switch
    {
        { StatusCode: 413 } => ApiError.TooLarge("The request body is too large."),
        { StatusCode: 415 } => ApiError.NotJson(),
        { InnerException: JsonException json } => JsonBodyError.Describe(json, e.StatusCode),
        _ when UnboundParameter().Match(e.Message) is { Success: true } unbound =>
            Unbound(unbound.Groups["type"].Value, unbound.Groups["name"].Value),
        _ when e.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            ApiError.Malformed("A JSON request body is required.", e.StatusCode),
        _ => ApiError.Malformed("The request is malformed.", e.StatusCode),
    };

    /// <summary>A query value the route can't read as its type (limit=abc): that parameter's error, as a value out of range is.</summary>
    private static ApiError Unbound(string type, string parameter)
    {
        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);
        var message = type.TrimEnd('?') is "int" or "long" ? $"'{name}' must be a whole number." : $"'{name}' is not a valid value.";
        return ApiError.Validation(message, new Dictionary<string, string[]> { [name] = [message] });
    }

    /// <summary>How ASP.NET Core says a route parameter could not be bound (the message names it; the exception does not).</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>\w+)" from""")]
    private static partial Regex UnboundParameter();
}
