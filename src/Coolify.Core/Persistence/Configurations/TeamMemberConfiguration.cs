using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("team_user");
        builder.HasIndex(m => new { m.TeamId, m.UserId }).IsUnique();
        builder.HasOne(m => m.User).WithMany(u => u.Teams).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
