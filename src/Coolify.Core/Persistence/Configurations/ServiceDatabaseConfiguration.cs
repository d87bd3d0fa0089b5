using Coolify.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ServiceDatabaseConfiguration : IEntityTypeConfiguration<ServiceDatabase>
{
    public void Configure(EntityTypeBuilder<ServiceDatabase> builder)
    {
        builder.ToTable("service_databases");
        builder.Property(d => d.Name).HasMaxLength(63);
        builder.Property(d => d.HumanName).HasMaxLength(255);
        builder.Property(d => d.Image).HasMaxLength(512);
        builder.Property(d => d.DatabaseType).HasMaxLength(20);
        builder.Property(d => d.Status).HasMaxLength(50);
        builder.HasIndex(d => new { d.ServiceId, d.Name }).IsUnique();
    }
}
