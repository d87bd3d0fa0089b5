using Coolify.Core.Common;
using Coolify.Core.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class TaggableConfiguration : IEntityTypeConfiguration<Taggable>
{
    public void Configure(EntityTypeBuilder<Taggable> builder)
    {
        builder.ToTable("taggables");
        builder.HasKey(t => new { t.TagId, t.TaggableType, t.TaggableId });
        builder.Property(t => t.TaggableType).HasMaxLength(ResourceKind.MaxLength);
        builder.HasIndex(t => new { t.TaggableType, t.TaggableId });
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
