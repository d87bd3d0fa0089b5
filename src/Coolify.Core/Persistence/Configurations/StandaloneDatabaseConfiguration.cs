using Coolify.Core.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class StandaloneDatabaseConfiguration : IEntityTypeConfiguration<StandaloneDatabase>
{
    public void Configure(EntityTypeBuilder<StandaloneDatabase> builder)
    {
        builder.ToTable("standalone_databases");
        builder.Property(d => d.Engine).HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(255);
        builder.Property(d => d.Image).HasMaxLength(512);
        builder.Property(d => d.Status).HasMaxLength(50);
        builder.Property(d => d.User).HasMaxLength(63);
        builder.Property(d => d.DatabaseName).HasMaxLength(63);
        builder.HasOne(d => d.Environment).WithMany().HasForeignKey(d => d.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Destination).WithMany().HasForeignKey(d => d.DestinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.DestinationId, d.PublicPort });
    }
}
