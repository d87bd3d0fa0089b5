using Coolify.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class PrivateKeyConfiguration : IEntityTypeConfiguration<PrivateKey>
{
    public void Configure(EntityTypeBuilder<PrivateKey> builder)
    {
        builder.ToTable("private_keys");
        builder.Property(k => k.Name).HasMaxLength(255);
        builder.Property(k => k.PrivateKeyValue).HasColumnName("private_key");
        builder.HasOne(k => k.Team).WithMany().HasForeignKey(k => k.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
