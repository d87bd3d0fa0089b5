using Coolify.Core.Common;

namespace Coolify.Core.Teams;

/// <summary>Membership of a user in a team with a role (Coolify's <c>team_user</c> pivot).</summary>
public class TeamMember : ITimestamped
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    public TeamRole Role { get; set; } = TeamRole.Member;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
