using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Deployments;

/// <summary>
/// How workers take deployments from the queue: a queued row is claimed with one conditional update (so two
/// workers can never both win), held by a lease the worker renews, and released with its outcome. A lease that
/// expires means its worker died: the row is failed with a line saying so, never left in progress.
/// </summary>
public sealed class DeploymentClaims(CoolifyDbContext db)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(20);

    /// <summary>The oldest queued deployment whose server has a free build slot, now held by <paramref name="owner"/>.</summary>
    public async Task<Deployment?> ClaimNextAsync(string owner, CancellationToken cancellationToken)
    {
        var candidates = await db.Deployments.AsNoTracking()
            .Where(d => d.Status == DeploymentStatus.Queued)
            .Where(d => db.Deployments.Count(r => r.ServerId == d.ServerId && r.Status == DeploymentStatus.InProgress)
                < db.ServerSettings.Where(s => s.ServerId == d.ServerId).Select(s => s.ConcurrentBuilds).FirstOrDefault())
            // One application deploys one at a time: a newer deployment waits for the older to end.
            .Where(d => !db.Deployments.Any(r => r.ApplicationId == d.ApplicationId && r.Status == DeploymentStatus.InProgress))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var now = db.GetUtcNow();
            var leaseUntil = now + LeaseDuration;
            var claimed = await db.Deployments.Where(d => d.Id == id && d.Status == DeploymentStatus.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeploymentStatus.InProgress)
                    .SetProperty(d => d.LeaseOwner, owner)
                    .SetProperty(d => d.LeaseExpiresAt, leaseUntil)
                    .SetProperty(d => d.StartedAt, now)
                    .SetProperty(d => d.UpdatedAt, now), cancellationToken);
            if (claimed == 1)
            {
                return await db.Deployments.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when the deployment is no longer this worker's to run (cancelled, or taken over).</summary>
    public async Task<bool> RenewAsync(int deploymentId, string owner, CancellationToken cancellationToken)
    {
        var leaseUntil = db.GetUtcNow() + LeaseDuration;
        return await db.Deployments.Where(d => d.Id == deploymentId && d.LeaseOwner == owner && d.Status == DeploymentStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseExpiresAt, leaseUntil), cancellationToken) == 1;
    }

    /// <summary>Records the outcome, unless the deployment was cancelled meanwhile (then it stays cancelled).</summary>
    /// <returns>The status the deployment ended with.</returns>
    public async Task<string> FinishAsync(int deploymentId, string owner, string status, CancellationToken cancellationToken)
    {
        var now = db.GetUtcNow();
        await db.Deployments.Where(d => d.Id == deploymentId && d.LeaseOwner == owner && d.Status == DeploymentStatus.InProgress)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.FinishedAt, now)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        return await db.Deployments.Where(d => d.Id == deploymentId).Select(d => d.Status).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Fails deployments whose worker stopped renewing, each together with a log line giving the reason (one
    /// transaction: nobody sees the status without the reason); returns the lines written.
    /// </summary>
    public async Task<IReadOnlyList<DeploymentLogLine>> ReapExpiredAsync(string reason, CancellationToken cancellationToken)
    {
        var now = db.GetUtcNow();
        var expired = await db.Deployments.Where(d => d.Status == DeploymentStatus.InProgress && d.LeaseExpiresAt < now)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var reaped = new List<DeploymentLogLine>();
        foreach (var id in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var failed = await db.Deployments.Where(d => d.Id == id && d.Status == DeploymentStatus.InProgress && d.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeploymentStatus.Failed).SetProperty(d => d.FinishedAt, now).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            if (failed == 1)
            {
                var sequence = await db.DeploymentLogLines.Where(l => l.DeploymentId == id).MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
                var line = new DeploymentLogLine { DeploymentId = id, Sequence = sequence + 1, Timestamp = now, Type = "info", Output = reason };
                db.DeploymentLogLines.Add(line);
                await db.SaveChangesAsync(cancellationToken);
                reaped.Add(line);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return reaped;
    }
}
