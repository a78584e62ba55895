using System.Text.Json;
using Invitations.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>The attempts as the dispatcher appends them in SQL: <c>{"at", "http_status", "error", "duration_ms"}</c>.</summary>
    private static readonly JsonSerializerOptions AttemptJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EndpointId).HasConversion(Converters.WebhookEndpointId);
        builder.Property(d => d.EventId).HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion(Converters.LowerCase<WebhookDeliveryStatus>()).HasMaxLength(16);
        builder.Property(d => d.Attempts)
            .HasColumnType("jsonb")
            .HasDefaultValueSql("'[]'::jsonb")
            .HasConversion(
                attempts => JsonSerializer.Serialize(attempts, AttemptJson),
                json => JsonSerializer.Deserialize<List<WebhookDeliveryAttempt>>(json, AttemptJson) ?? new List<WebhookDeliveryAttempt>(),
                new ValueComparer<IReadOnlyList<WebhookDeliveryAttempt>>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
                    attempts => attempts.Aggregate(0, (hash, attempt) => HashCode.Combine(hash, attempt)),
                    attempts => attempts.ToList()));
        builder.Property<string>("LastResponse").HasMaxLength(300);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebhookEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);

        // What the dispatcher claims, in the order it claims it; and each endpoint's deliveries, newest first.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("ix_webhook_deliveries_due");
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt, d.Id }).IsDescending(false, true, true);
    }
}
