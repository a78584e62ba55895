using Invitations.Application.Common;
using Invitations.Domain.Webhooks;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.IntegrationTests.Keys;

/// <summary>
/// Upgrading a database from before encryption at rest with the <c>migrate</c> verb (as the compose file's migrate step
/// does): its webhook secrets, stored as issued, end encrypted under the configured key and still the same secrets; its
/// remembered responses (plaintext) are gone; and migrating again changes nothing.
/// </summary>
public sealed class EncryptionUpgradeTests : IAsyncLifetime
{
    private const string BeforeEncryption = "20261202021500_IdempotencyKeys";
    private string _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    [Fact]
    public async Task Migrate_EncryptsTheSecretsOfAnOlderDatabase_DeletesItsPlaintextResponses_AndIsIdempotent()
    {
        await using (var old = Context())
        {
            await old.Database.MigrateAsync(BeforeEncryption);
        }

        var (secret, previous) = (WebhookSecret.New(), WebhookSecret.New());
        var endpoint = Guid.NewGuid();
        await SqlAsync(
            """
            INSERT INTO workspaces (id, name, created_at, branding_custom_domain_verified, branding_sender_email_verified, branding_white_label)
            VALUES (@workspace, 'Older', now(), false, false, false);
            INSERT INTO webhook_endpoints (id, workspace_id, url, events, enabled, secret, previous_secret, previous_secret_expires_at, created_at)
            VALUES (@endpoint, @workspace, 'https://hooks.example/in', '{*}', true, @secret, @previous, now() + interval '1 day', now());
            INSERT INTO idempotency_keys (workspace_id, key, request_hash, status, body, created_at, expires_at)
            VALUES (@workspace, 'k', '\x00', 201, convert_to('{"accept_url":"https://x/invitations/accept#token=plain"}', 'UTF8'), now(), now() + interval '1 day');
            """,
            ("workspace", Guid.NewGuid()), ("endpoint", endpoint), ("secret", secret), ("previous", previous));

        await MigrateAsync();
        var stored = await StoredAsync(endpoint);
        await MigrateAsync();

        Assert.DoesNotContain("whsec_", stored.Secret + stored.Previous, StringComparison.Ordinal);
        var protector = TestEncryptionKeys.Protector(TestEncryptionKeys.Current);
        Assert.Equal(secret, protector.UnprotectText(stored.Secret, ISecretProtector.WebhookSecret));
        Assert.Equal(previous, protector.UnprotectText(stored.Previous!, ISecretProtector.WebhookSecret));
        Assert.Equal(stored, await StoredAsync(endpoint));
        Assert.Equal(0L, await SqlAsync("SELECT count(*) FROM idempotency_keys"));
    }

    private async Task MigrateAsync()
    {
        await using var migrate = ServiceProcess.Start("dotnet", [ServiceProcess.ApiAssembly, "migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Invitations"] = _database,
            ["Security__EncryptionKeys__0"] = TestEncryptionKeys.Current,
        });
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, migrate.Output);
    }

    private async Task<(string Secret, string? Previous)> StoredAsync(Guid endpoint)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT secret, previous_secret FROM webhook_endpoints WHERE id = '{endpoint}'", connection);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task<object?> SqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    private InvitationsDbContext Context() => new(new DbContextOptionsBuilder<InvitationsDbContext>()
        .UseNpgsql(_database, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
