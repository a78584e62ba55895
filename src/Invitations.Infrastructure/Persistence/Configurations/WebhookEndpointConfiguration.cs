using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasConversion(Converters.WebhookEndpointId);
        builder.Property(e => e.WorkspaceId).HasConversion(Converters.WorkspaceId);
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(e => e.DisabledReason).HasMaxLength(500);
        // Protected (AesGcmSecretProtector, in base64): longer than the plaintext, and not a length the domain decides.
        builder.Property(e => e.ProtectedSecret).HasColumnName("secret");
        builder.Property(e => e.ProtectedPreviousSecret).HasColumnName("previous_secret");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);

        // The event triggers look up a workspace's endpoints on every change they report.
        builder.HasIndex(e => e.WorkspaceId);
    }
}
