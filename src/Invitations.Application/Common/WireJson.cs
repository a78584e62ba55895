using System.Text.Json;

namespace Invitations.Application.Common;

/// <summary>JSON as the API writes it (snake_case, the web defaults): the API's responses and the webhook events alike.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Applies the wire conventions to <paramref name="options"/> (the API's own options, or <see cref="Options"/>): property
    /// names in snake_case; a dictionary's keys (metadata, a problem's field names) as they were given.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        return options;
    }
}
