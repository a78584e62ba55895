using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasConversion(Converters.WorkspaceId);
        builder.Property(w => w.Name).HasMaxLength(Workspace.MaxNameLength);
        builder.ComplexProperty(w => w.Branding, branding =>
        {
            branding.Property(b => b.SenderEmail).HasMaxLength(EmailAddress.MaxLength);
            branding.Property(b => b.CustomDomain).HasMaxLength(253);
            branding.Property(b => b.DefaultLocale).HasMaxLength(64);
        });
        builder.Property(w => w.SeatLimit);

        // Replaced whole, never changed in place: a new value is a change.
        builder.Property(w => w.Policy)
            .HasColumnName("invitation_policy")
            .HasColumnType("jsonb")
            .HasConversion(Converters.Policy, new ValueComparer<InvitationPolicy>((a, b) => ReferenceEquals(a, b), p => p.GetHashCode()))
            .HasDefaultValueSql($"'{StoredPolicy.DefaultJson}'::jsonb");
        builder.HasMany(w => w.Teams).WithOne().HasForeignKey(t => t.WorkspaceId);
        builder.Navigation(w => w.Teams).HasField("_teams");
        builder.RowVersion();
    }
}
