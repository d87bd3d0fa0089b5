using System.Security.Cryptography;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>The browsers a user is signed in on: listed on the profile page, each one revocable.</summary>
public sealed class UserSessions(CoolifyDbContext db)
{
    /// <summary>How often a session's last-seen time is written (not on every request).</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Sessions unseen this long are gone anyway (the cookie's sliding lifetime).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(7);

    public async Task<string> StartAsync(int userId, string? ipAddress, string? userAgent, CancellationToken cancellationToken)
    {
        var now = db.GetUtcNow();
        var session = new UserSession
        {
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            UserId = userId,
            IpAddress = ipAddress,
            UserAgent = userAgent is { Length: > UserSession.UserAgentMaxLength } ? userAgent[..UserSession.UserAgentMaxLength] : userAgent,
            CreatedAt = now,
            LastSeenAt = now,
        };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Key;
    }

    /// <summary>Whether the session still exists for this user; notes that it was seen.</summary>
    public async Task<bool> IsActiveAsync(string? key, int userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var session = await db.Set<UserSession>().SingleOrDefaultAsync(s => s.Key == key && s.UserId == userId, cancellationToken);
        var now = db.GetUtcNow();
        if (session is null || now - session.LastSeenAt > IdleLifetime)
        {
            return false;
        }

        if (now - session.LastSeenAt > TouchInterval)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public Task<string?> AddressOfAsync(string key, CancellationToken cancellationToken) =>
        db.Set<UserSession>().Where(s => s.Key == key).Select(s => s.IpAddress).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The user's sessions, latest first; forgets those idle past their lifetime.</summary>
    public async Task<List<UserSession>> ListAsync(int userId, CancellationToken cancellationToken)
    {
        var cutoff = db.GetUtcNow() - IdleLifetime;
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.LastSeenAt).ToListAsync(cancellationToken);
    }

    /// <summary>Ends one of the user's own sessions (another user's id matches nothing).</summary>
    public async Task RevokeAsync(int userId, int sessionId, CancellationToken cancellationToken) =>
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);

    public async Task RevokeOthersAsync(int userId, string? currentKey, CancellationToken cancellationToken) =>
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.Key != currentKey).ExecuteDeleteAsync(cancellationToken);

    public async Task EndAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<UserSession>().Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
}
