// The create benchmark's ceiling: the same route and JSON shape as the service's native create, doing the least
// any implementation must do — parse the body, one INSERT of an equivalent invitations row, answer 201 — so that
// "service ÷ ceiling" shows what validation, auth, the duplicate/member/daily-limit checks and the email
// enqueue cost on this machine. No auth, no checks, no email, on purpose.
//
// Env: CEILING_CONNECTION (a database migrated with the service's own migrations), CEILING_TEAM_ID,
// CEILING_INVITER_ID, CEILING_INVITER_EMAIL (a real team and member of that database's workspace, so the row
// satisfies the same constraints), ASPNETCORE_URLS.
using System.Text.Json;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddSingleton(NpgsqlDataSource.Create(Env("CEILING_CONNECTION")));
var app = builder.Build();

var teamId = Guid.Parse(Env("CEILING_TEAM_ID"));
var inviterId = long.Parse(Env("CEILING_INVITER_ID"), System.Globalization.CultureInfo.InvariantCulture);
var inviterEmail = Env("CEILING_INVITER_EMAIL");
var lifetime = TimeSpan.FromDays(7);

// Same columns and values as the service's INSERT of the invitation for a create with send_email:true (delivery 1);
// user_id comes from the same sequence default. (The service's email columns moved to invitation_deliveries; the
// ceiling stays one INSERT of the invitation, so only the two columns that no longer exist left this statement.)
const string Insert = """
    INSERT INTO invitations (id, workspace_id, email, normalized_email, role, team_id, team_title, invited_by_user_id,
        invited_by_email, status, lifetime, created_at, expires_at, delivery_version)
    VALUES ($1, $2, $3, $4, $5, $6, 'Default team', $7, $8, 'pending', $9, $10, $11, 1)
    RETURNING user_id
    """;

app.MapPost("/v1/workspaces/{workspaceId:guid}/invitations", async (Guid workspaceId, CreateBody body, NpgsqlDataSource db) =>
{
    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    var email = body.Email.Trim();
    await using var cmd = db.CreateCommand(Insert);
    cmd.Parameters.Add(new() { Value = id });
    cmd.Parameters.Add(new() { Value = workspaceId });
    cmd.Parameters.Add(new() { Value = email });
    cmd.Parameters.Add(new() { Value = email.ToLowerInvariant() });
    cmd.Parameters.Add(new() { Value = body.Role });
    cmd.Parameters.Add(new() { Value = teamId });
    cmd.Parameters.Add(new() { Value = inviterId });
    cmd.Parameters.Add(new() { Value = inviterEmail });
    cmd.Parameters.Add(new() { Value = lifetime });
    cmd.Parameters.Add(new() { Value = now });
    cmd.Parameters.Add(new() { Value = now + lifetime });
    var userId = (long)(await cmd.ExecuteScalarAsync())!;
    return Results.Created($"/v1/workspaces/{workspaceId}/invitations/{id}", new InvitationBody(
        id, workspaceId, email, null, null, body.Role, "Default team", "pending", userId, new Inviter(inviterId, inviterEmail),
        now, now + lifetime, null, null, "queued", null, null));
});

app.Run();

static string Env(string name) =>
    Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set.");

internal sealed record CreateBody(string Email, string Role);

internal sealed record Inviter(long UserId, string Email);

// The service's invitation resource, field for field, so both sides serialize a similar answer.
internal sealed record InvitationBody(
    Guid Id, Guid WorkspaceId, string Email, string? FirstName, string? LastName, string Role, string Team, string Status,
    long UserId, Inviter InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? RevokedAt, string EmailStatus, DateTimeOffset? EmailSentAt, string? LastEmailError);
