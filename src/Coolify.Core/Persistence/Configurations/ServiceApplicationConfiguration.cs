using Coolify.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ServiceApplicationConfiguration : IEntityTypeConfiguration<ServiceApplication>
{
    public void Configure(EntityTypeBuilder<ServiceApplication> builder)
    {
        builder.ToTable("service_applications");
        builder.Property(a => a.Name).HasMaxLength(63);
        builder.Property(a => a.HumanName).HasMaxLength(255);
        builder.Property(a => a.Image).HasMaxLength(512);
        builder.Property(a => a.Status).HasMaxLength(50);
        builder.HasIndex(a => new { a.ServiceId, a.Name }).IsUnique();
    }
}
