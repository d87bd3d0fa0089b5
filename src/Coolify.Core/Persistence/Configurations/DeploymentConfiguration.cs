using Coolify.Core.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.ToTable("application_deployment_queues");
        builder.Property(d => d.Uuid).HasColumnName("deployment_uuid");
        builder.Property(d => d.Status).HasMaxLength(32);
        builder.Property(d => d.LeaseOwner).HasMaxLength(255);
        // The worker's claim query: oldest queued rows per server.
        builder.HasIndex(d => new { d.Status, d.ServerId, d.CreatedAt });
        builder.HasIndex(d => d.ApplicationId);
        builder.HasOne(d => d.Application).WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Server).WithMany().HasForeignKey(d => d.ServerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.LogLines).WithOne().HasForeignKey(l => l.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
