using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Invitations.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: builds the model without a host or a live database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InvitationsDbContext>
{
    public InvitationsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<InvitationsDbContext>()
            .UseNpgsql("Host=localhost;Database=invitations", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
