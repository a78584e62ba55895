using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasConversion(Converters.InvitationId);
        builder.Property(i => i.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.FirstName).HasMaxLength(PersonName.MaxLength);
        builder.Property(i => i.LastName).HasMaxLength(PersonName.MaxLength);
        builder.Property(i => i.Role).HasConversion(Converters.Role).HasMaxLength(32);
        builder.Property(i => i.TeamTitle).HasMaxLength(Team.MaxTitleLength);
        builder.Property(i => i.InvitedByEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.Status).HasConversion(Converters.LowerCase<InvitationStatus>()).HasMaxLength(16);
        builder.Property(i => i.DeclineReason).HasMaxLength(Invitation.MaxDeclineReasonLength);
        builder.Property(i => i.Locale).HasMaxLength(64);
        builder.Property(i => i.Metadata).HasConversion(Converters.Metadata).HasColumnType("json").HasDefaultValueSql("'{}'");

        // The id is reserved by the insert itself: no extra round trip, and the member later gets exactly this id.
        builder.Property(i => i.UserId)
            .HasDefaultValueSql($"nextval('{InvitationsDbContext.UserIdSequence}')")
            .ValueGeneratedOnAdd();
        builder.Property<uint>("xmin").IsRowVersion();

        builder.Property(i => i.JoinLinkId).HasConversion(Converters.JoinLinkId);

        builder.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId);
        builder.HasOne<JoinLink>().WithMany().HasForeignKey(i => i.JoinLinkId);

        // One pending invitation per address, enforced by the database so it holds under concurrency.
        builder.HasIndex(i => new { i.WorkspaceId, i.NormalizedEmail })
            .IsUnique()
            .HasFilter("status = 'pending'")
            .HasDatabaseName(UniqueViolations.PendingInvitationPerEmail);
        builder.HasIndex(i => new { i.WorkspaceId, i.CreatedAt, i.Id }).IsDescending(false, true, true);
        builder.HasIndex(i => i.ExpiresAt).HasFilter("status = 'pending'").HasDatabaseName("ix_invitations_pending_expiry");

        // A join link's invitations, newest first (GET …/join-links/{id}/invitations); most invitations have no link.
        builder.HasIndex(i => new { i.JoinLinkId, i.CreatedAt, i.Id }).IsDescending(false, true, true).HasFilter("join_link_id IS NOT NULL");
    }
}
