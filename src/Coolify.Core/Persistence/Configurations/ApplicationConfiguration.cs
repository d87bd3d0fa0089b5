using Coolify.Core.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("applications");
        builder.Property(a => a.Name).HasMaxLength(255);
        builder.Property(a => a.Status).HasMaxLength(64);
        builder.Property(a => a.BuildPack).HasMaxLength(32);
        builder.HasOne(a => a.Environment).WithMany().HasForeignKey(a => a.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Destination).WithMany().HasForeignKey(a => a.DestinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.PrivateKey).WithMany().HasForeignKey(a => a.PrivateKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Settings).WithOne(s => s.Application).HasForeignKey<ApplicationSettings>(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
