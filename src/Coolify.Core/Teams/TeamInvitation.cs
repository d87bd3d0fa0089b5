using Coolify.Core.Common;

namespace Coolify.Core.Teams;

/// <summary>An invitation to join a team with a role, by link or e-mail; it expires (Coolify: after 3 days).</summary>
public class TeamInvitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Email { get; set; }

    public TeamRole Role { get; set; } = TeamRole.Member;

    /// <summary><c>link</c> or <c>email</c>, as in Coolify.</summary>
    public string Via { get; set; } = "link";

    /// <summary>SHA-256 of the secret part of the invitation link; the link itself is shown once.</summary>
    public string? TokenHash { get; set; }

    public int? InvitedByUserId { get; set; }

    public bool IsExpired(DateTime utcNow) => utcNow - CreatedAt > Lifetime;
}
