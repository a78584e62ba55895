using Invitations.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Infrastructure.Persistence;

/// <summary>
/// What a deploy does to the database, wherever the migrations run (at start with <c>Database:MigrateOnStartup</c>, or the
/// <c>migrate</c> verb): the migrations, then every stored secret brought under the first encryption key.
/// </summary>
public static class DatabaseUpgrade
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InvitationsDbContext>().Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StoredSecretsUpgrade>().RunAsync(cancellationToken);
    }
}
