using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class OptOutConfiguration : IEntityTypeConfiguration<OptOut>
{
    public void Configure(EntityTypeBuilder<OptOut> builder)
    {
        builder.ToTable("opt_outs");

        // The key is the create's lookup: (workspace, address), one index probe in the create's one read.
        builder.HasKey(o => new { o.WorkspaceId, o.NormalizedEmail });
        builder.Property(o => o.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(o => o.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(o => o.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(o => o.Reason).HasMaxLength(Invitation.MaxDeclineReasonLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(o => o.WorkspaceId);
    }
}
