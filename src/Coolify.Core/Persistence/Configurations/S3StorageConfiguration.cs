using Coolify.Core.S3;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class S3StorageConfiguration : IEntityTypeConfiguration<S3Storage>
{
    public void Configure(EntityTypeBuilder<S3Storage> builder)
    {
        builder.ToTable("s3_storages");
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.Endpoint).HasMaxLength(255);
        builder.Property(s => s.Bucket).HasMaxLength(63);
        builder.Property(s => s.Region).HasMaxLength(64);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
