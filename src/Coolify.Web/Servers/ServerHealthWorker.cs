using System.Collections.Concurrent;
using System.Globalization;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Coolify.Infrastructure.Servers.Ssh;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Servers;

/// <summary>
/// Checks every validated server (and this machine, which needs no validation) each interval (COOLIFY_SERVER_CHECK_INTERVAL seconds, default 60). A server whose
/// previous check still runs (a hung one) is skipped rather than checked twice, so checks never pile up; the
/// SSH pool's idle connections are closed on the same beat.
/// </summary>
internal sealed partial class ServerHealthWorker(
    IServiceScopeFactory scopes, SshConnectionPool pool, IConfiguration configuration, ILogger<ServerHealthWorker> logger) : BackgroundService
{
    public const string IntervalVariable = "COOLIFY_SERVER_CHECK_INTERVAL";

    private readonly ConcurrentDictionary<int, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = int.TryParse(configuration[IntervalVariable], CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : 60;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            pool.CloseIdle(TimeProvider.System.GetUtcNow());
            List<int> servers;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                servers = await scope.ServiceProvider.GetRequiredService<CoolifyDbContext>().Servers
                    .Where(s => s.ValidationLogs != null || s.IsLocalhost).Select(s => s.Id).ToListAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed beat (a locked database, say) must not stop the host: the next beat tries again.
                LogListFailed(ex);
                continue;
            }

            foreach (var serverId in servers)
            {
                if (_running.TryGetValue(serverId, out var previous) && !previous.IsCompleted)
                {
                    continue;
                }

                _running[serverId] = CheckAsync(serverId, stoppingToken);
            }
        }
    }

    private async Task CheckAsync(int serverId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ServerHealthCheck>().CheckAsync(serverId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(serverId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the servers to check failed")]
    private partial void LogListFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking server {ServerId} failed")]
    private partial void LogCheckFailed(int serverId, Exception exception);
}
