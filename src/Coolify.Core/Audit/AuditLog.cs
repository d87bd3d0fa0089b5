using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Audit;

/// <summary>Records and lists security events (logins, tokens, roles, invitations, instance settings).</summary>
public sealed class AuditLog(CoolifyDbContext db, IClientAddress client)
{
    public const int MaxTargetLength = 255;

    /// <summary>Adds an event to the context; it is saved with the change it describes.</summary>
    public void Add(string action, int? userId, int? teamId, string? target = null) =>
        db.Add(new AuditEvent
        {
            Action = action,
            UserId = userId,
            TeamId = teamId,
            Target = target is { Length: > MaxTargetLength } ? target[..MaxTargetLength] : target,
            IpAddress = client.Current,
            CreatedAt = db.GetUtcNow(),
        });

    /// <summary>Records an event on its own (for events that change nothing else, like a failed login).</summary>
    public async Task RecordAsync(string action, int? userId, int? teamId, string? target, CancellationToken cancellationToken)
    {
        Add(action, userId, teamId, target);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<AuditEvent>> LatestAsync(int count, CancellationToken cancellationToken) =>
        db.Set<AuditEvent>().AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
}
