using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Deployments;

/// <summary>
/// The deployment queue is the <c>deployments</c> table: triggers insert rows, workers claim them (see
/// <see cref="DeploymentClaims"/>), cancel marks them. Nothing about a deployment lives only in memory.
/// </summary>
public sealed class DeploymentQueue(CoolifyDbContext db, DeploymentCancellations cancellations, DeploymentWakeUp wakeUp, Audit.AuditLog audit)
{
    /// <summary>
    /// Queues a deployment of the application. An identical one still waiting is returned instead of a second
    /// row (Coolify's users double-click Deploy); the server's queue limit is honoured.
    /// </summary>
    /// <exception cref="ValidationException">The server's queue is full.</exception>
    public Task<Deployment> EnqueueAsync(TeamScope scope, string? applicationUuid, bool force, CancellationToken cancellationToken) =>
        EnqueueAsync(scope, applicationUuid, force, rollbackTo: null, cancellationToken);

    /// <summary>Queues a deployment that runs the application's kept image of <paramref name="commit"/> again, without a build.</summary>
    /// <exception cref="ValidationException">Not a tag an image of the application could have.</exception>
    public Task<Deployment> EnqueueRollbackAsync(TeamScope scope, string? applicationUuid, string? commit, CancellationToken cancellationToken) =>
        EnqueueAsync(scope, applicationUuid, force: false, rollbackTo: commit ?? string.Empty, cancellationToken);

    /// <summary>Queues a deployment that starts a new container of the image running now (no build); a normal deployment when none runs.</summary>
    public Task<Deployment> EnqueueRestartAsync(TeamScope scope, string? applicationUuid, CancellationToken cancellationToken) =>
        EnqueueAsync(scope, applicationUuid, force: false, rollbackTo: null, cancellationToken, restart: true);

    private async Task<Deployment> EnqueueAsync(
        TeamScope scope, string? applicationUuid, bool force, string? rollbackTo, CancellationToken cancellationToken, bool restart = false)
    {
        scope.EnsureCanWrite();
        var application = await scope.Applications.Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(a => a.Uuid == applicationUuid, cancellationToken) ?? throw new NotFoundException();
        // Checked after the application is found: another team's uuid is a 404 whatever the body says.
        if (rollbackTo is not null)
        {
            var rules = new InputRules();
            rollbackTo = rules.DockerTag("commit", rollbackTo);
            rules.ThrowIfInvalid();
        }

        var server = application.Destination!.Server!;
        var waiting = await db.Deployments.Where(d => d.ApplicationId == application.Id && d.Status == DeploymentStatus.Queued)
            .OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (waiting is not null && waiting.ForceRebuild == force && rollbackTo is null && !waiting.Rollback && waiting.RestartOnly == restart)
        {
            return waiting;
        }

        var open = await db.Deployments.CountAsync(d => d.ServerId == server.Id && (d.Status == DeploymentStatus.Queued || d.Status == DeploymentStatus.InProgress), cancellationToken);
        if (open >= server.Settings!.DeploymentQueueLimit)
        {
            throw ValidationException.For("deployment", $"The deployment queue of {server.Name} is full ({open} waiting or running); try again when some have finished.");
        }

        var deployment = new Deployment
        {
            ApplicationId = application.Id, ServerId = server.Id, DestinationId = application.DestinationId, ForceRebuild = force,
            Commit = rollbackTo ?? application.GitCommitSha, Rollback = rollbackTo is not null, RestartOnly = restart, IsApi = true,
        };
        db.Deployments.Add(deployment);
        audit.Add("deployment.queued", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Signal();
        return deployment;
    }

    /// <summary>
    /// Cancels a queued or running deployment. The row is marked at once; a running deployment's worker stops
    /// its current step (the command on the server is killed) within seconds, on whichever replica runs it.
    /// </summary>
    /// <exception cref="ValidationException">It already ended.</exception>
    public async Task CancelAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var deployment = await scope.Deployments.SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var now = db.GetUtcNow();
        var changed = await db.Deployments
            .Where(d => d.Id == deployment.Id && (d.Status == DeploymentStatus.Queued || d.Status == DeploymentStatus.InProgress))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeploymentStatus.Cancelled).SetProperty(d => d.FinishedAt, now).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            throw ValidationException.For("deployment", $"Deployment is already {deployment.Status}; only queued or running deployments can be cancelled.");
        }

        cancellations.Cancel(deployment.Id);
        audit.Add("deployment.cancelled", scope.Access.UserId, scope.Access.TeamId, deployment.Uuid);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<Deployment>> ListAsync(TeamScope scope, string? applicationUuid, int skip, int take, CancellationToken cancellationToken)
    {
        var deployments = scope.Deployments.AsNoTracking().Include(d => d.Application).Include(d => d.Server).AsQueryable();
        if (applicationUuid is not null)
        {
            deployments = deployments.Where(d => d.Application!.Uuid == applicationUuid);
        }

        return deployments.OrderByDescending(d => d.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Deployments that wait or run (Coolify's <c>GET /deployments</c>).</summary>
    public Task<List<Deployment>> ListOpenAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Deployments.AsNoTracking().Include(d => d.Application).Include(d => d.Server)
            .Where(d => d.Status == DeploymentStatus.Queued || d.Status == DeploymentStatus.InProgress)
            .OrderBy(d => d.Id).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such deployment in the team.</exception>
    public async Task<Deployment> GetAsync(TeamScope scope, string? uuid, bool withLogs, CancellationToken cancellationToken)
    {
        var deployments = scope.Deployments.AsNoTracking().Include(d => d.Application).Include(d => d.Server).AsQueryable();
        if (withLogs)
        {
            deployments = deployments.Include(d => d.LogLines.OrderBy(l => l.Sequence));
        }

        return await deployments.SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
    }
}
