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

        // The domain assigns the id. Without this, a team added to a loaded workspace has a key already and EF
        // takes it for an existing row: it UPDATEs nothing and reports a concurrency conflict instead of inserting.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(t => t.Title).HasMaxLength(Team.MaxTitleLength);
        builder.Property(t => t.NormalizedTitle).HasMaxLength(Team.MaxTitleLength);
        builder.HasIndex(t => new { t.WorkspaceId, t.NormalizedTitle }).IsUnique().HasDatabaseName(UniqueViolations.TeamTitle);
        builder.RowVersion();
    }
}
