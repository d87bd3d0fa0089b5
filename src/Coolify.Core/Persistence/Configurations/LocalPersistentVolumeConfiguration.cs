using Coolify.Core.Common;
using Coolify.Core.Storages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class LocalPersistentVolumeConfiguration : IEntityTypeConfiguration<LocalPersistentVolume>
{
    public void Configure(EntityTypeBuilder<LocalPersistentVolume> builder)
    {
        builder.ToTable("local_persistent_volumes");
        builder.Property(v => v.ResourceType).HasMaxLength(ResourceKind.MaxLength);
        builder.Property(v => v.Name).HasMaxLength(255);
        builder.HasIndex(v => new { v.ResourceType, v.ResourceId });
    }
}
