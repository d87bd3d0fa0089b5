using Coolify.Core.Applications;
using Coolify.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class EnvironmentVariableConfiguration : IEntityTypeConfiguration<EnvironmentVariable>
{
    public void Configure(EntityTypeBuilder<EnvironmentVariable> builder)
    {
        builder.ToTable("environment_variables");
        builder.Property(v => v.ResourceableType).HasMaxLength(ResourceKind.MaxLength);
        builder.Property(v => v.Key).HasMaxLength(255);
        // One key per resource and set (main or preview), as Coolify enforces.
        builder.HasIndex(v => new { v.ResourceableType, v.ResourceableId, v.IsPreview, v.Key }).IsUnique();
    }
}
