using Coolify.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class OauthSettingConfiguration : IEntityTypeConfiguration<OauthSetting>
{
    public void Configure(EntityTypeBuilder<OauthSetting> builder)
    {
        builder.ToTable("oauth_settings");
        builder.Property(s => s.Provider).HasMaxLength(32);
        builder.HasIndex(s => s.Provider).IsUnique();
        builder.Property(s => s.ClientId).HasMaxLength(255);
        builder.Property(s => s.Tenant).HasMaxLength(255);
        builder.Property(s => s.BaseUrl).HasMaxLength(255);
    }
}
