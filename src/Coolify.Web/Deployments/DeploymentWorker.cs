using Coolify.Core.Common;
using Coolify.Core.Deployments;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Deployments;

/// <summary>
/// Takes deployments from the queue (the database) and runs them, a few at a time, each under a lease renewed every
/// two seconds. A cancel, from this replica or another, stops the running step; a deployment whose worker died is
/// failed by whichever worker next sees its lease expired.
/// </summary>
internal sealed partial class DeploymentWorker(
    IServiceScopeFactory scopes, DeploymentCancellations cancellations, DeploymentLogFeed feed, DeploymentWakeUp wakeUp, ILogger<DeploymentWorker> logger)
    : BackgroundService
{
    private const int MaxParallel = 8;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);

    // Expired leases are looked for on this beat, not on every wake-up: a queued deployment is claimed first.
    private static readonly TimeSpan ReapEvery = TimeSpan.FromSeconds(5);

    // Unique per process run, so a restarted control plane never mistakes an old lease for its own.
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{PublicId.New()[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var lastReap = long.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                try
                {
                    while (running.Count < MaxParallel && await ClaimAsync(stoppingToken) is { } deploymentId)
                    {
                        running.Add(Task.Run(() => RunAsync(deploymentId, stoppingToken), CancellationToken.None));
                    }

                    if (lastReap == long.MinValue || TimeProvider.System.GetElapsedTime(lastReap) >= ReapEvery)
                    {
                        lastReap = TimeProvider.System.GetTimestamp();
                        await ReapAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The queue outlives any one failure (a locked database, a dropped connection): an exception that
                    // escaped here would stop the whole host, and deployments would wait for nobody.
                    LogQueueError(ex);
                }

                await wakeUp.WaitAsync(Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the runs below finish by marking their deployments.
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<int?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<DeploymentClaims>().ClaimNextAsync(_owner, cancellationToken);
        if (claimed is not null)
        {
            feed.PublishStatus(claimed.Id, DeploymentStatus.InProgress);
        }

        return claimed?.Id;
    }

    private async Task ReapAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<DeploymentClaims>().ReapExpiredAsync(
            "The control plane stopped while this deployment ran (its lease expired), so it was marked failed. The previous container, if any, keeps serving.",
            cancellationToken);
        foreach (var line in lines)
        {
            feed.Publish(line);
            feed.Forget(line.DeploymentId);
            feed.PublishStatus(line.DeploymentId, DeploymentStatus.Failed);
        }
    }

    private async Task RunAsync(int deploymentId, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        cancellations.Register(deploymentId, cancel);
        await using var scope = scopes.CreateAsyncScope();
        await using var log = NewLog(scope.ServiceProvider, deploymentId);
        var outcome = DeploymentStatus.Failed;
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(deploymentId, cancel, renewing.Token);
        try
        {
            await log.StartAsync(stoppingToken);
            outcome = await scope.ServiceProvider.GetRequiredService<DeploymentPipeline>().RunAsync(deploymentId, log, cancel.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await log.InfoAsync("The control plane shut down during this deployment, so it was stopped and marked failed.");
        }
        catch (OperationCanceledException)
        {
            await log.InfoAsync("Cancelled: the running step on the server was stopped.");
        }
        catch (Exception ex)
        {
            LogDeploymentCrashed(deploymentId, ex);
            await log.InfoAsync("The deployment failed on an internal error; the control plane's log has the details.");
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await log.FlushAsync();
            // A cancelled row stays cancelled: FinishAsync only ends what is still this worker's and in progress.
            var ended = await scope.ServiceProvider.GetRequiredService<DeploymentClaims>().FinishAsync(deploymentId, _owner, outcome, CancellationToken.None);
            cancellations.Unregister(deploymentId);
            feed.Forget(deploymentId); // every line is stored by now (flushed above)
            feed.PublishStatus(deploymentId, ended);
            wakeUp.Signal(); // a slot is free: the next deployment need not wait for the poll
        }
    }

    // Keeps the lease; when the row says the deployment is no longer ours to run (cancelled elsewhere), stops it.
    private async Task RenewAsync(int deploymentId, CancellationTokenSource run, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stop))
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DeploymentClaims>().RenewAsync(deploymentId, _owner, stop))
            {
                await run.CancelAsync();
                return;
            }
        }
    }

    private DeploymentLog NewLog(IServiceProvider services, int deploymentId) =>
        new(services.GetRequiredService<IDbContextFactory<CoolifyDbContext>>(), feed, deploymentId, []);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deployment queue could not be read")]
    private partial void LogQueueError(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deployment {DeploymentId} failed on an internal error")]
    private partial void LogDeploymentCrashed(int deploymentId, Exception exception);
}
