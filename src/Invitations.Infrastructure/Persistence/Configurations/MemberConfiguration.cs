using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.UserId);
        builder.Property(m => m.UserId).ValueGeneratedNever();
        builder.Property(m => m.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(m => m.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(m => m.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(m => m.FirstName).HasMaxLength(PersonName.MaxLength);
        builder.Property(m => m.LastName).HasMaxLength(PersonName.MaxLength);
        builder.Property(m => m.Role).HasConversion(Converters.Role).HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion(Converters.LowerCase<MemberStatus>()).HasMaxLength(16);
        builder.Property(m => m.TeamTitle).HasMaxLength(Team.MaxTitleLength);
        builder.Property(m => m.Metadata).HasConversion(Converters.Metadata).HasColumnType("json").HasDefaultValueSql("'{}'");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId);
        builder.HasIndex(m => new { m.WorkspaceId, m.NormalizedEmail }).IsUnique().HasDatabaseName(UniqueViolations.MemberPerEmail);
    }
}
