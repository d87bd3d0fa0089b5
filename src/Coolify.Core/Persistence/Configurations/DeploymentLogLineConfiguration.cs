using Coolify.Core.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class DeploymentLogLineConfiguration : IEntityTypeConfiguration<DeploymentLogLine>
{
    public void Configure(EntityTypeBuilder<DeploymentLogLine> builder)
    {
        builder.ToTable("deployment_log_lines");
        builder.Property(l => l.Type).HasMaxLength(16);
        builder.HasIndex(l => new { l.DeploymentId, l.Sequence }).IsUnique();
    }
}
