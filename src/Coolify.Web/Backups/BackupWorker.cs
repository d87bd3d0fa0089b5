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
/// started again: a due time that comes meanwhile is skipped (Coolify's rule), a "backup now" runs once right after.
/// </summary>
internal sealed partial class BackupWorker(IServiceScopeFactory scopes, BackupQueue queue, IConfiguration configuration, TimeProvider clock, ILogger<BackupWorker> logger)
    : BackgroundService
{
    public const string IntervalVariable = "COOLIFY_BACKUP_CHECK_INTERVAL";

    // Schedules running now; true when a "backup now" came during the run and wants one more.
    private readonly Dictionary<int, bool> _running = [];
    private readonly Lock _gate = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(RequestsAsync(stoppingToken), ScheduleAsync(stoppingToken));

    private async Task RequestsAsync(CancellationToken stoppingToken)
    {
        await foreach (var scheduleId in queue.Requests.ReadAllAsync(stoppingToken))
        {
            Start(scheduleId, requested: true, stoppingToken);
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
                Start(schedule.Id, requested: false, stoppingToken);
            }
        }
    }

    private void Start(int scheduleId, bool requested, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(scheduleId, out var again))
            {
                // A click on "backup now" during a run is not lost: the user expects a backup taken after the click.
                _running[scheduleId] = again || requested;
                return;
            }

            _running[scheduleId] = false;
        }

        _ = RunAsync(scheduleId, stoppingToken);
    }

    private async Task RunAsync(int scheduleId, CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BackupRunner>().RunAsync(scheduleId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(ex, scheduleId); // the schedule runs again next time all the same
            }
            catch (OperationCanceledException)
            {
                return; // shutting down
            }
        }
        while (!stoppingToken.IsCancellationRequested && Again(scheduleId));
    }

    // Whether a "backup now" came during the run (then it runs now); if not, the schedule is no longer running.
    private bool Again(int scheduleId)
    {
        lock (_gate)
        {
            if (_running[scheduleId])
            {
                _running[scheduleId] = false;
                return true;
            }

            _running.Remove(scheduleId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the backup schedules failed")]
    private partial void LogScheduleFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup schedule {ScheduleId} failed to run")]
    private partial void LogRunFailed(Exception exception, int scheduleId);
}
