using Invitations.Domain.Common;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class JoinLinkConfiguration : IEntityTypeConfiguration<JoinLink>
{
    public void Configure(EntityTypeBuilder<JoinLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasConversion(Converters.JoinLinkId);
        builder.Property(l => l.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Role).HasConversion(Converters.Role).HasMaxLength(32);
        builder.Property(l => l.TeamTitle).HasMaxLength(Team.MaxTitleLength);
        builder.Property(l => l.Description).HasMaxLength(JoinLink.MaxDescriptionLength);
        builder.Property(l => l.CreatedByEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(l => l.CreatedByRole).HasConversion(Converters.Role).HasMaxLength(32);

        // Replaced whole, never changed in place (the rules are fixed when the link is made).
        builder.Property(l => l.AllowedDomains)
            .HasColumnType("text[]")
            .HasConversion(Converters.DomainPatterns, new ValueComparer<IReadOnlyList<DomainPattern>>((a, b) => ReferenceEquals(a, b), l => l.GetHashCode()));

        // Written by the create's own statement as a join counts a use (CreateInvitation.sql), never by a save of the link.
        builder.Property(l => l.Uses).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.HasOne<Workspace>().WithMany().HasForeignKey(l => l.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.WorkspaceId, l.CreatedAt });
    }
}
