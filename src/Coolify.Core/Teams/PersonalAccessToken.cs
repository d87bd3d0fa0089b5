using Coolify.Core.Common;

namespace Coolify.Core.Teams;

/// <summary>
/// An API token (<c>Authorization: Bearer &lt;id&gt;|&lt;secret&gt;</c>, as Laravel Sanctum). Only a SHA-256 hash of
/// the secret is stored; the clear token is shown once at creation.
/// </summary>
public class PersonalAccessToken : ITimestamped
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    /// <summary>The team the token acts for.</summary>
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>Space-separated abilities: <c>root</c>, <c>read</c>, <c>write</c>, <c>deploy</c>, <c>read:sensitive</c>.</summary>
    public string Abilities { get; set; } = "read";

    public DateTime? LastUsedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
