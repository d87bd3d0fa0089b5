using Coolify.Core.Proxy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ProxyCertificateConfiguration : IEntityTypeConfiguration<ProxyCertificate>
{
    public void Configure(EntityTypeBuilder<ProxyCertificate> builder)
    {
        builder.ToTable("proxy_certificates");
        builder.Property(c => c.Hosts).HasMaxLength(4000);
        builder.Property(c => c.Issuer).HasMaxLength(1000);
        builder.Property(c => c.Subject).HasMaxLength(1000);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        builder.Ignore(c => c.HostList);
        builder.HasOne(c => c.Server).WithMany().HasForeignKey(c => c.ServerId).OnDelete(DeleteBehavior.Cascade);
    }
}
