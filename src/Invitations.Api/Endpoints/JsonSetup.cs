using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Invitations.Api.Endpoints;

internal static class JsonSetup
{
    /// <summary>The JSON every route reads and writes: snake_case, numbers only as numbers, no field the route does not take.</summary>
    public static IServiceCollection AddInvitationsJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

            // The web defaults read "5" as 5, and the OpenAPI document then declares every number [integer, string]: a
            // number is a JSON number, and a string where one belongs is refused naming the field, as any other wrong type.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;

            // A field the route does not take is refused, naming it (a misspelt send_email must not silently send the email).
            // Every request record gets this without code of its own; the compatibility routes' records opt out with
            // [JsonUnmappedMemberHandling(Skip)], as their vendors ignore unknown fields.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
}
