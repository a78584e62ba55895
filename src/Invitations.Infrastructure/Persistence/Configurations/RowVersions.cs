using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

/// <summary>
/// A row's version as PostgreSQL keeps it: <c>xmin</c>, the transaction that wrote the row as it stands, new with every
/// update and untouched by the row locks that foreign keys take. A system column, so no migration creates it and nothing in the
/// service has to bump it. Read only (never a concurrency token of EF Core's updates): the create proves its cached reading of
/// a workspace and a team with it (<see cref="ReadModels.CreateReads"/>).
/// </summary>
internal static class RowVersions
{
    public const string Property = "Version";

    public static void RowVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>(Property).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate();
}
