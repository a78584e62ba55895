using System.Text;
using System.Text.Json;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Invitations.CreateInvitationsInBulk;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Endpoints;

/// <summary>
/// The JSON form of a bulk request (<see cref="BulkInvitationsRequest"/>), read forward only: the row past
/// <see cref="CreateInvitationsInBulkCommand.MaxRows"/> ends the reading, so however many rows follow, and whatever they
/// hold, no more rows are built and nothing after them is parsed.
/// </summary>
internal static class BulkJson
{
    public static async Task<(IReadOnlyList<BulkInvitationRow> Rows, BulkInvitationDefaults? Defaults)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var body = Utf8(await BulkBody.ReadAsync(request, cancellationToken), request.ContentType);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return Read(body, options);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", 400, e);
        }
    }

    private static (IReadOnlyList<BulkInvitationRow>, BulkInvitationDefaults?) Read(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return reader.TokenType == JsonTokenType.Null ? ([], null) : throw new JsonException("The body is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body is not an object.", "$", null, null);
        }

        List<BulkInvitationRow> rows = [];
        BulkDefaultsRequest? defaults = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "invitations", StringComparison.OrdinalIgnoreCase))
            {
                rows = Rows(ref reader, options);
            }
            else if (string.Equals(name, "defaults", StringComparison.OrdinalIgnoreCase))
            {
                defaults = Item<BulkDefaultsRequest>(ref reader, options, "$.defaults");
            }
            else
            {
                throw new UnknownFieldException("$." + name, typeof(BulkInvitationsRequest));
            }
        }

        reader.Read(); // past the end: anything after the object is refused, as by the framework's reader
        return (rows, defaults is { } d ? new BulkInvitationDefaults(d.Role, d.Team, d.ExpiresInDays, d.SendEmail, d.Metadata, d.Locale) : null);
    }

    private static List<BulkInvitationRow> Rows(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The invitations are not an array.", "$.invitations", null, null);
        }

        var rows = new List<BulkInvitationRow>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (rows.Count == CreateInvitationsInBulkCommand.MaxRows)
            {
                throw BulkBody.TooManyRows();
            }

            var r = Item<CreateInvitationRequest>(ref reader, options, $"$.invitations[{rows.Count}]");
            rows.Add(new BulkInvitationRow(
                r?.Email, r?.Role, r?.FirstName, r?.LastName, r?.Team, r?.ExpiresInDays, r?.SendEmail, Metadata: r?.Metadata, Locale: r?.Locale));
        }

        return rows;
    }

    /// <summary>One value, its errors named by their path in the whole body (the serializer only knows the value's own).</summary>
    private static T? Item<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }
        catch (JsonException e)
        {
            // The serializer's cause stays the cause: a reader's error is still told as one (JsonBodyError).
            throw new JsonException(e.Message, path + e.Path?.TrimStart('$'), e.LineNumber, e.BytePositionInLine, e.InnerException);
        }
    }

    /// <summary>The body as UTF-8 without a BOM: another charset the request names is transcoded, as the framework's reader does.</summary>
    private static byte[] Utf8(byte[] body, string? contentType)
    {
        var charset = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.Charset.ToString() : "";
        var utf8 = charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? body
            : Encoding.UTF8.GetBytes(Encoding.GetEncoding(charset).GetString(body));
        return utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
    }
}
