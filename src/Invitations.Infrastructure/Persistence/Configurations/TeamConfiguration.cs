using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(t => t.Title).HasMaxLength(Team.MaxTitleLength);
        builder.Property(t => t.NormalizedTitle).HasMaxLength(Team.MaxTitleLength);
        builder.HasIndex(t => new { t.WorkspaceId, t.NormalizedTitle }).IsUnique().HasDatabaseName(UniqueViolations.TeamTitle);
    }
}
