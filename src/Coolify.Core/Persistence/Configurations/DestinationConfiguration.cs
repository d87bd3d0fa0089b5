using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class DestinationConfiguration : IEntityTypeConfiguration<Destination>
{
    public void Configure(EntityTypeBuilder<Destination> builder)
    {
        builder.ToTable("destinations");
        builder.Property(d => d.Name).HasMaxLength(255);
        builder.Property(d => d.Network).HasMaxLength(255);
        builder.Property(d => d.Type).HasMaxLength(16);
        builder.HasIndex(d => new { d.ServerId, d.Network }).IsUnique();
    }
}
