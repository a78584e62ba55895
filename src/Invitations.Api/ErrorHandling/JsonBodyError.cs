using System.Text.Json;
using System.Text.RegularExpressions;

namespace Invitations.Api.ErrorHandling;

/// <summary>
/// What a caller is told about a JSON body the serializer could not read: the unknown field (and the known one it may be a
/// misspelling of), the field of the wrong type, or the line and position where the text stops being JSON.
/// </summary>
internal static partial class JsonBodyError
{
    public static ApiError Describe(JsonException e, int status)
    {
        if (Syntax(e) is { } syntax)
        {
            return NotJson(e, syntax, status);
        }

        if (e is UnknownFieldException unknown)
        {
            return UnknownField(unknown.Path!, unknown.Owner);
        }

        // The serializer says which type lacked the member only in its message (the exception has no property for it).
        if (Unmapped().Match(e.Message) is { Success: true } unmapped && e.Path is { Length: > 1 } path)
        {
            return UnknownField(path, typeof(JsonBodyError).Assembly.GetType(unmapped.Groups["type"].Value));
        }

        return e.Path is { Length: > 1 } field
            ? WrongType(field.TrimStart('$', '.'), status)
            : ApiError.Malformed($"The request body must be a JSON object ({Where(e)}).", status) with { Extensions = Position(e) };
    }

    /// <summary>
    /// The reader's own error: the serializer wraps it, a forward-only reader throws it bare (its type, JsonReaderException,
    /// is internal, so it is told by being a JsonException of another type than the ones thrown here).
    /// </summary>
    private static JsonException? Syntax(JsonException e) =>
        e.InnerException as JsonException ?? (e.GetType() != typeof(JsonException) && e is not UnknownFieldException ? e : null);

    private static ApiError NotJson(JsonException e, JsonException syntax, int status)
    {
        var reason = syntax.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal) is var at and >= 0 ? at : reason.IndexOf(" Path:", StringComparison.Ordinal);
        reason = cut >= 0 ? reason[..cut] : reason;
        return ApiError.Malformed($"The request body is not valid JSON ({Where(e)}): {reason}", status) with { Extensions = Position(e) };
    }

    /// <summary>A body field this route does not take; a camelCase spelling of one it takes is pointed at the right name.</summary>
    private static ApiError UnknownField(string path, Type? owner)
    {
        var field = path.TrimStart('$', '.');
        var name = field[(field.LastIndexOf('.') + 1)..];
        var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
        var twin = snake != name && owner?.GetProperties().Any(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == snake) == true;
        var message = twin
            ? $"Unknown field '{field}': did you mean '{field[..^name.Length]}{snake}'? Field names are snake_case."
            : $"Unknown field '{field}': this route does not take it.";
        return ApiError.UnknownField(message, new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>A JSON value of another type than its field's ("5" for a number, 5 for a text): refused naming the field.</summary>
    private static ApiError WrongType(string field, int status)
    {
        var message = $"The field '{field}' has the wrong type.";
        return ApiError.Malformed(message, status) with { Errors = new Dictionary<string, string[]> { [field] = [message] } };
    }

    /// <summary>Counted from 1, as an editor shows them; the position is the byte in the line.</summary>
    private static string Where(JsonException e) => $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}";

    private static Dictionary<string, object?> Position(JsonException e) =>
        new() { ["line"] = e.LineNumber + 1, ["position"] = e.BytePositionInLine + 1 };

    [GeneratedRegex("""^The JSON property '.*' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'""")]
    private static partial Regex Unmapped();
}
