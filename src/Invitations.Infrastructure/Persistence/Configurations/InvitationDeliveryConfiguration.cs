using Invitations.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class InvitationDeliveryConfiguration : IEntityTypeConfiguration<InvitationDelivery>
{
    public void Configure(EntityTypeBuilder<InvitationDelivery> builder)
    {
        builder.ToTable("invitation_deliveries");
        builder.HasKey(d => new { d.InvitationId, d.Number });
        builder.Property(d => d.InvitationId).HasConversion(Converters.InvitationId);
        builder.Property(d => d.Status).HasConversion(Converters.LowerCase<DeliveryStatus>()).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.TokenHash).HasMaxLength(64);

        // The W3C traceparent of the request that owed an email: the dispatch's span links to it. Tracing is no concern of
        // the domain's, so the column is the context's alone (InvitationsDbContext fills it).
        builder.Property<string>(UnitOfWork.OutboxInterceptor.TraceParent);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(d => d.InvitationId);
        builder.HasIndex(d => d.TokenHash).IsUnique();

        // What the dispatcher claims, in the order it claims it: owed emails, earliest due first.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("ix_invitation_deliveries_due");
    }
}
