using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ServerConfiguration : IEntityTypeConfiguration<Server>
{
    public void Configure(EntityTypeBuilder<Server> builder)
    {
        builder.ToTable("servers");
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.Ip).HasMaxLength(255);
        builder.Property(s => s.User).HasMaxLength(255);
        builder.Property(s => s.ProxyType).HasMaxLength(16);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        // A key in use cannot be deleted: the API refuses before the database would.
        builder.HasOne(s => s.PrivateKey).WithMany().HasForeignKey(s => s.PrivateKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Settings).WithOne(x => x.Server).HasForeignKey<ServerSettings>(x => x.ServerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Destinations).WithOne(d => d.Server).HasForeignKey(d => d.ServerId).OnDelete(DeleteBehavior.Cascade);
    }
}
