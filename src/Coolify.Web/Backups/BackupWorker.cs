using System.Collections.Concurrent;
using System.Globalization;
using Coolify.Core.Backups;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Backups;

/// <summary>
/// Runs backups: "backup now" requests as they come, and each enabled schedule when its frequency comes due (checked
/// every COOLIFY_BACKUP_CHECK_INTERVAL seconds, default 30). A due run is claimed through the database — its due time
/// written only if the previous one is still there — so two control planes on one database never run it twice, and
/// a run missed while the control plane was down happens once when it is back. A schedule still running is not
/// started again.
/// </summary>
internal sealed partial class BackupWorker(IServiceScopeFactory scopes, BackupQueue queue, IConfiguration configuration, TimeProvider clock, ILogger<BackupWorker> logger)
    : BackgroundService
{
    public const string IntervalVariable = "COOLIFY_BACKUP_CHECK_INTERVAL";

    private readonly ConcurrentDictionary<int, Task> _running = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(RequestsAsync(stoppingToken), ScheduleAsync(stoppingToken));

    private async Task RequestsAsync(CancellationToken stoppingToken)
    {
        await foreach (var scheduleId in queue.Requests.ReadAllAsync(stoppingToken))
        {
            Start(scheduleId, stoppingToken);
        }
    }

    private async Task ScheduleAsync(CancellationToken stoppingToken)
    {
        var seconds = int.TryParse(configuration[IntervalVariable], CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : 30;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ClaimDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(ex); // the next beat tries again
            }
        }
    }

    private async Task ClaimDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var schedules = await db.ScheduledDatabaseBackups.AsNoTracking().Where(s => s.Enabled)
            .Select(s => new { s.Id, s.Frequency, s.LastScheduledAt, s.CreatedAt }).ToListAsync(stoppingToken);
        foreach (var schedule in schedules)
        {
            if (BackupFrequency.TryParse(schedule.Frequency) is not { } cron
                || BackupFrequency.DueSince(cron, schedule.LastScheduledAt ?? schedule.CreatedAt, now) is not { } due)
            {
                continue;
            }

            var claimed = await db.ScheduledDatabaseBackups.Where(s => s.Id == schedule.Id && s.LastScheduledAt == schedule.LastScheduledAt)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.LastScheduledAt, due), stoppingToken);
            if (claimed == 1)
            {
                Start(schedule.Id, stoppingToken);
            }
        }
    }

    private void Start(int scheduleId, CancellationToken stoppingToken)
    {
        if (_running.TryGetValue(scheduleId, out var previous) && !previous.IsCompleted)
        {
            return;
        }

        _running[scheduleId] = RunAsync(scheduleId, stoppingToken);
    }

    private async Task RunAsync(int scheduleId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BackupRunner>().RunAsync(scheduleId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(ex, scheduleId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the backup schedules failed")]
    private partial void LogScheduleFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup schedule {ScheduleId} failed to run")]
    private partial void LogRunFailed(Exception exception, int scheduleId);
}
