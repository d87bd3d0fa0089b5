using Coolify.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

/// <summary>Identity's tables under Coolify-style names (<c>users</c>, ...).</summary>
internal sealed class UserConfiguration :
    IEntityTypeConfiguration<User>,
    IEntityTypeConfiguration<IdentityUserClaim<int>>,
    IEntityTypeConfiguration<IdentityUserLogin<int>>,
    IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Name).HasMaxLength(255);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.CurrentTeamId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> builder) => builder.ToTable("user_tokens");
}
