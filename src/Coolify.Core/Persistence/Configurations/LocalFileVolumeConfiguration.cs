using Coolify.Core.Common;
using Coolify.Core.Storages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class LocalFileVolumeConfiguration : IEntityTypeConfiguration<LocalFileVolume>
{
    public void Configure(EntityTypeBuilder<LocalFileVolume> builder)
    {
        builder.ToTable("local_file_volumes");
        builder.Property(v => v.ResourceType).HasMaxLength(ResourceKind.MaxLength);
        builder.HasIndex(v => new { v.ResourceType, v.ResourceId });
    }
}
