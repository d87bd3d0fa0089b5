namespace Coolify.Core.Teams;

/// <summary>
/// A signed-in browser: made at login, named in the session cookie by <see cref="Key"/>, checked on each request.
/// Deleting the row logs that browser out.
/// </summary>
public class UserSession
{
    public const int UserAgentMaxLength = 255;

    public int Id { get; set; }

    /// <summary>Random, carried in the cookie's claims; stored as-is since the cookie alone is no credential without it.</summary>
    public required string Key { get; set; }

    public int UserId { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
