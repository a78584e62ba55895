using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Invitations.Domain.Common;

/// <summary>
/// A caller's own data on an invitation, carried to the member it becomes (contract §11): a JSON object of at most
/// <see cref="MaxKeys"/> keys of 1–<see cref="MaxKeyLength"/> characters from <c>A–Z a–z 0–9 _ - .</c>, at most
/// <see cref="MaxBytes"/> bytes as compact UTF-8 JSON. <see cref="Json"/> is that compact form, keys in the order given.
/// </summary>
public sealed record Metadata
{
    public const int MaxKeys = 20;
    public const int MaxKeyLength = 40;
    public const int MaxBytes = 4096;

    public static readonly Metadata Empty = new("{}");

    // Unescaped UTF-8: the size rule counts the bytes a person's text really takes.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonElement EmptyElement = JsonElement.Parse("{}");

    private Metadata(string json) => Json = json;

    public string Json { get; }

    public bool IsEmpty => Json == Empty.Json;

    /// <summary>As stored: already checked when it was made.</summary>
    public static Metadata FromStored(string json) => json == Empty.Json ? Empty : new Metadata(json);

    /// <summary>None given is <see cref="Empty"/>; anything breaking a rule is refused naming it.</summary>
    public static Metadata Create(JsonElement? given) =>
        Problem(given, out var metadata) is { } problem ? throw new DomainException(ErrorCodes.InvalidMetadata, problem) : metadata;

    /// <summary>The rule <paramref name="given"/> breaks, or null when it makes <paramref name="metadata"/>.</summary>
    public static string? Problem(JsonElement? given, out Metadata metadata)
    {
        metadata = Empty;
        if (given is not { ValueKind: not JsonValueKind.Null } element)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return "metadata must be a JSON object.";
        }

        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Count > MaxKeys)
        {
            return $"metadata may have at most {MaxKeys} keys; it has {keys.Count}.";
        }

        if (keys.FirstOrDefault(k => !IsKey(k)) is { } bad)
        {
            return $"metadata key '{Printable(bad)}' is not allowed: keys are 1 to {MaxKeyLength} characters of A-Z, a-z, 0-9, '_', '-' and '.'.";
        }

        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            return "metadata keys must be unique.";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            element.WriteTo(writer);
        }

        if (buffer.Length > MaxBytes)
        {
            return $"metadata must be at most {MaxBytes} bytes as UTF-8 JSON; it is {buffer.Length}.";
        }

        metadata = keys.Count == 0 ? Empty : new Metadata(Encoding.UTF8.GetString(buffer.ToArray()));
        return null;
    }

    /// <summary>The object itself, to write into a response or an event (the empty one shared: most invitations have none).</summary>
    public JsonElement ToElement() => IsEmpty ? EmptyElement : JsonElement.Parse(Json);

    private static bool IsKey(string key) =>
        key.Length is >= 1 and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static string Printable(string key) =>
        new([.. key.Take(MaxKeyLength + 10).Select(c => char.IsControl(c) ? '?' : c)]);
}
