using Coolify.Core.Common;
using Coolify.Core.Databases;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Backups;

/// <summary>A database's backup schedules and their executions, in the team's scope.</summary>
public sealed class BackupSchedules(CoolifyDbContext db, BackupQueue queue, Audit.AuditLog audit)
{
    public async Task<List<ScheduledDatabaseBackup>> ListAsync(TeamScope scope, string? databaseUuid, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(scope, databaseUuid, cancellationToken);
        return await db.ScheduledDatabaseBackups.AsNoTracking().Include(s => s.S3Storage).Include(s => s.Executions.OrderByDescending(e => e.Id))
            .Where(s => s.DatabaseId == database.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <exception cref="ValidationException">A field is invalid, or the engine has no backups yet; nothing is stored.</exception>
    public async Task<ScheduledDatabaseBackup> CreateAsync(TeamScope scope, string? databaseUuid, BackupChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await DatabaseAsync(scope, databaseUuid, cancellationToken);
        if (!BackupDumps.Supports(DatabaseEngine.Of(database)))
        {
            throw ValidationException.For("database", "Scheduled backups are not supported for this database type yet.");
        }

        var rules = new InputRules();
        if (string.IsNullOrWhiteSpace(change.Frequency))
        {
            rules.Add("frequency", "The frequency field is required.");
        }

        var schedule = new ScheduledDatabaseBackup { DatabaseId = database.Id, Frequency = string.Empty, LastScheduledAt = db.GetUtcNow() };
        await ApplyAsync(scope, schedule, change, rules, cancellationToken);
        rules.ThrowIfInvalid();
        db.ScheduledDatabaseBackups.Add(schedule);
        audit.Add("backup.schedule_created", scope.Access.UserId, scope.Access.TeamId, $"{database.Name}: {schedule.Frequency}");
        await db.SaveChangesAsync(cancellationToken);
        if (change.BackupNow == true)
        {
            await queue.EnqueueAsync(schedule.Id, cancellationToken);
        }

        return schedule;
    }

    public async Task<ScheduledDatabaseBackup> UpdateAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, BackupChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var schedule = await ScheduleAsync(scope, databaseUuid, scheduleUuid, cancellationToken);
        var rules = new InputRules();
        await ApplyAsync(scope, schedule, change, rules, cancellationToken);
        rules.ThrowIfInvalid();
        audit.Add("backup.schedule_updated", scope.Access.UserId, scope.Access.TeamId, schedule.Frequency);
        await db.SaveChangesAsync(cancellationToken);
        if (change.BackupNow == true)
        {
            await queue.EnqueueAsync(schedule.Id, cancellationToken);
        }

        return schedule;
    }

    /// <summary>The schedule and its executions; the local files always, the S3 objects when asked.</summary>
    public async Task DeleteAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, bool deleteS3, Servers.IServerShells shells, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var schedule = await ScheduleAsync(scope, databaseUuid, scheduleUuid, cancellationToken);
        var executions = await db.BackupExecutions.Where(e => e.ScheduledDatabaseBackupId == schedule.Id).ToListAsync(cancellationToken);
        var database = await db.Databases.Include(d => d.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(d => d.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings).SingleAsync(d => d.Id == schedule.DatabaseId, cancellationToken);
        var files = executions.Where(e => e.Filename is not null && !e.LocalStorageDeleted).Select(e => e.Filename!).ToList();
        if (files.Count > 0)
        {
            await shells.For(database.Destination!.Server!).RunAsync(Commands.ShellCommand.Of("rm", ["-f", "--", .. files]), cancellationToken: cancellationToken);
        }

        if (deleteS3 && schedule.S3Storage is { } storage)
        {
            await S3.S3Transfer.DeleteAsync(storage, [.. executions.Where(e => e is { S3Uploaded: true, S3StorageDeleted: false, Filename: not null }).Select(e => e.Filename!.TrimStart('/'))], cancellationToken);
        }

        db.ScheduledDatabaseBackups.Remove(schedule);
        audit.Add("backup.schedule_deleted", scope.Access.UserId, scope.Access.TeamId, schedule.Frequency);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<List<BackupExecution>> ExecutionsAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleAsync(scope, databaseUuid, scheduleUuid, cancellationToken);
        return await db.BackupExecutions.AsNoTracking().Where(e => e.ScheduledDatabaseBackupId == schedule.Id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
    }

    private async Task ApplyAsync(TeamScope scope, ScheduledDatabaseBackup schedule, BackupChange change, InputRules rules, CancellationToken cancellationToken)
    {
        if (change.Frequency is not null)
        {
            if (BackupFrequency.TryParse(change.Frequency) is null)
            {
                rules.Add("frequency", "A cron expression (minute hour day month weekday, like 0 3 * * *) or every_minute, hourly, daily, weekly, monthly, yearly.");
            }

            schedule.Frequency = change.Frequency.Trim();
        }

        schedule.Enabled = change.Enabled ?? schedule.Enabled;
        schedule.DumpAll = change.DumpAll ?? schedule.DumpAll;
        schedule.Description = change.Description ?? schedule.Description;
        if (change.DatabasesToBackup is not null)
        {
            var names = change.DatabasesToBackup.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Any(n => !DatabaseFields.IsIdentifier(n)))
            {
                rules.Add("databases_to_backup", "Database names separated by commas; each a letter or _ first, then letters, digits or _.");
            }

            schedule.DatabasesToBackup = names.Length == 0 ? null : string.Join(',', names);
        }

        schedule.Timeout = change.Timeout is { } timeout ? rules.Range("timeout", timeout, 60, 36_000) : schedule.Timeout;
        schedule.DatabaseBackupRetentionAmountLocally = NonNegative(rules, "database_backup_retention_amount_locally", change.RetentionAmountLocally) ?? schedule.DatabaseBackupRetentionAmountLocally;
        schedule.DatabaseBackupRetentionDaysLocally = NonNegative(rules, "database_backup_retention_days_locally", change.RetentionDaysLocally) ?? schedule.DatabaseBackupRetentionDaysLocally;
        schedule.DatabaseBackupRetentionAmountS3 = NonNegative(rules, "database_backup_retention_amount_s3", change.RetentionAmountS3) ?? schedule.DatabaseBackupRetentionAmountS3;
        schedule.DatabaseBackupRetentionDaysS3 = NonNegative(rules, "database_backup_retention_days_s3", change.RetentionDaysS3) ?? schedule.DatabaseBackupRetentionDaysS3;
        schedule.DatabaseBackupRetentionMaxStorageLocally = Gigabytes(rules, "database_backup_retention_max_storage_locally", change.RetentionMaxStorageLocally) ?? schedule.DatabaseBackupRetentionMaxStorageLocally;
        schedule.DatabaseBackupRetentionMaxStorageS3 = Gigabytes(rules, "database_backup_retention_max_storage_s3", change.RetentionMaxStorageS3) ?? schedule.DatabaseBackupRetentionMaxStorageS3;

        schedule.SaveS3 = change.SaveS3 ?? schedule.SaveS3;
        if (change.S3StorageUuid is not null)
        {
            var storage = await scope.S3Storages.SingleOrDefaultAsync(s => s.Uuid == change.S3StorageUuid, cancellationToken);
            if (storage is null)
            {
                rules.Add("s3_storage_uuid", "No such S3 storage in this team.");
            }
            else if (!storage.IsUsable)
            {
                rules.Add("s3_storage_uuid", "Validate this S3 storage first: backups go only to storages that passed.");
            }

            schedule.S3StorageId = storage?.Id;
        }

        if (schedule.SaveS3 && schedule.S3StorageId is null)
        {
            rules.Add("s3_storage_uuid", "Saving to S3 needs an S3 storage.");
        }

        // Without S3, the local copy is the only one: it cannot be turned off.
        schedule.DisableLocalBackup = schedule.SaveS3 && (change.DisableLocalBackup ?? schedule.DisableLocalBackup);
    }

    private static int? NonNegative(InputRules rules, string field, int? value) => value is { } number ? rules.Range(field, number, 0, int.MaxValue) : null;

    private static decimal? Gigabytes(InputRules rules, string field, decimal? value)
    {
        if (value is < 0 or > 9_999_999_999m)
        {
            rules.Add(field, "A size in GB, 0 or more (0: no limit).");
            return null;
        }

        return value;
    }

    private async Task<StandaloneDatabase> DatabaseAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Databases.SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    private async Task<ScheduledDatabaseBackup> ScheduleAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(scope, databaseUuid, cancellationToken);
        return await db.ScheduledDatabaseBackups.Include(s => s.S3Storage).SingleOrDefaultAsync(s => s.DatabaseId == database.Id && s.Uuid == scheduleUuid, cancellationToken)
            ?? throw new NotFoundException();
    }
}

/// <summary>The fields of Coolify's backup create and update (retention names shortened here); null leaves a field as it is.</summary>
public sealed record BackupChange
{
    public string? Frequency { get; init; }

    public bool? Enabled { get; init; }

    public string? Description { get; init; }

    public bool? SaveS3 { get; init; }

    public string? S3StorageUuid { get; init; }

    public string? DatabasesToBackup { get; init; }

    public bool? DumpAll { get; init; }

    public bool? BackupNow { get; init; }

    public bool? DisableLocalBackup { get; init; }

    public int? Timeout { get; init; }

    public int? RetentionAmountLocally { get; init; }

    public int? RetentionDaysLocally { get; init; }

    public decimal? RetentionMaxStorageLocally { get; init; }

    public int? RetentionAmountS3 { get; init; }

    public int? RetentionDaysS3 { get; init; }

    public decimal? RetentionMaxStorageS3 { get; init; }
}
