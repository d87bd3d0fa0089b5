using Coolify.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.ServiceType).HasMaxLength(255);
        builder.Property(s => s.Status).HasMaxLength(50);
        builder.HasOne(s => s.Environment).WithMany().HasForeignKey(s => s.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Destination).WithMany().HasForeignKey(s => s.DestinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Applications).WithOne(a => a.Service).HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Databases).WithOne(d => d.Service).HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
