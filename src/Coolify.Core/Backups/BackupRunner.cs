using System.Globalization;
using Coolify.Core.Commands;
using Coolify.Core.Databases;
using Coolify.Core.Persistence;
using Coolify.Core.S3;
using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Backups;

/// <summary>
/// Runs a schedule once: each database it names is dumped inside the container to a file on the server, uploaded to
/// S3 when asked (streamed, in parts), then retention applies. Every database is an execution row with its status,
/// size, file, message and S3 result; one failing does not stop the others, nor later runs.
/// </summary>
public sealed class BackupRunner(CoolifyDbContext db, IServerShells shells, TimeProvider clock)
{
    /// <summary>Where a database's backups are kept on its server (Coolify's layout, keyed by ids).</summary>
    public static string Folder(StandaloneDatabase database, int teamId) => $"/data/coolify/backups/databases/team-{teamId}/{database.Uuid}";

    public async Task<IReadOnlyList<BackupExecution>> RunAsync(int scheduleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scheduleId, cancellationToken) is not { } schedule)
        {
            return []; // deleted since it was claimed
        }

        var executions = new List<BackupExecution>();
        foreach (var name in Targets(schedule))
        {
            executions.Add(await RunOneAsync(schedule, name, null, cancellationToken));
        }

        await ApplyRetentionAsync(schedule, ShellFor(schedule), CancellationToken.None);
        return executions;
    }

    /// <summary>One database of the schedule now (a restore's safety backup), recorded as an execution with <paramref name="note"/>.</summary>
    public async Task<BackupExecution> RunOneAsync(int scheduleId, string? databaseName, string? note, CancellationToken cancellationToken) =>
        await RunOneAsync(await LoadAsync(scheduleId, cancellationToken) ?? throw new Common.NotFoundException(), databaseName, note, cancellationToken);

    private async Task<BackupExecution> RunOneAsync(ScheduledDatabaseBackup schedule, string? name, string? note, CancellationToken cancellationToken)
    {
        var database = schedule.Database!;
        var execution = new BackupExecution { ScheduledDatabaseBackupId = schedule.Id, DatabaseName = name ?? "all" };
        db.BackupExecutions.Add(execution);
        await db.SaveChangesAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(schedule.Timeout));
        try
        {
            await BackUpAsync(schedule, database, ShellFor(schedule), Folder(database, database.Environment!.Project!.TeamId), name, execution, limit.Token);
            execution.Status = "success";
            execution.Message = note is null ? execution.Message : $"{note}\n{execution.Message}";
        }
        catch (Exception ex) when (ex is BackupFailedException or CommandFailedException or CommandTimeoutException or ServerConnectionException or OperationCanceledException)
        {
            execution.Status = "failed";
            execution.Message = ex is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"The backup took longer than its timeout ({schedule.Timeout} s)." : ex.Message;
        }

        execution.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return execution;
    }

    private Task<ScheduledDatabaseBackup?> LoadAsync(int scheduleId, CancellationToken cancellationToken) =>
        db.ScheduledDatabaseBackups.Include(s => s.S3Storage)
            .Include(s => s.Database).ThenInclude(d => d!.Environment).ThenInclude(e => e!.Project)
            .Include(s => s.Database).ThenInclude(d => d!.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(s => s.Database).ThenInclude(d => d!.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(s => s.Id == scheduleId && s.Database != null, cancellationToken);

    private IServerShell ShellFor(ScheduledDatabaseBackup schedule) => shells.For(schedule.Database!.Destination!.Server!);

    private async Task BackUpAsync(
        ScheduledDatabaseBackup schedule, StandaloneDatabase database, IServerShell shell, string folder, string? name, BackupExecution execution, CancellationToken cancellationToken)
    {
        var docker = new Docker.DockerCli(shell);
        if (await docker.ContainerStatusAsync(database.Uuid, cancellationToken) != "running")
        {
            throw new BackupFailedException("The database is not running: start it to back it up.");
        }

        execution.Filename = await FreePathAsync(folder, database, name, cancellationToken);
        var path = execution.Filename;
        await db.SaveChangesAsync(cancellationToken);
        await EnsureFolderAsync(shell, database.Destination!.Server!.User, folder, cancellationToken);
        var dump = BackupDumps.Command(database, name, path);
        CommandResult result;
        try
        {
            result = await shell.RunAsync(dump, new CommandOptions { Timeout = TimeSpan.FromSeconds(schedule.Timeout) }, cancellationToken);
        }
        catch (Exception ex) when (ex is CommandTimeoutException or OperationCanceledException or ServerConnectionException)
        {
            // A dump cut short leaves no half file behind (retention only ever looks at successful runs).
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
            execution.Filename = null;
            throw;
        }

        var size = await SizeAsync(shell, path, cancellationToken);
        if (!result.Succeeded || size == 0)
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
            execution.Filename = null;
            throw new BackupFailedException($"The dump failed: {(result.Error.Trim().Length > 0 ? result.Error.Trim() : "it wrote nothing")}");
        }

        execution.Size = size;
        var messages = new List<string> { $"Dumped {size.ToString("N0", CultureInfo.InvariantCulture)} bytes to {path}." };
        if (schedule is { SaveS3: true, S3Storage: { } storage })
        {
            try
            {
                await S3Transfer.UploadFromServerAsync(storage, shell, path, path.TrimStart('/'), cancellationToken);
                execution.S3Uploaded = true;
                messages.Add($"Uploaded to s3://{storage.Bucket}/{path.TrimStart('/')}.");
            }
            catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException or System.IO.IOException or CommandFailedException)
            {
                // The local copy is a backup all the same (Coolify: success with a warning).
                execution.S3Uploaded = false;
                messages.Add($"Warning: the upload to S3 failed: {ex.Message}");
            }
        }

        if (schedule.DisableLocalBackup && execution.S3Uploaded == true)
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
            execution.LocalStorageDeleted = true;
        }

        execution.Message = string.Join("\n", messages);
    }

    // Successful backups beyond each side's policy go: their files (and objects), then rows with nothing left.
    private async Task ApplyRetentionAsync(ScheduledDatabaseBackup schedule, IServerShell shell, CancellationToken cancellationToken)
    {
        var done = await db.BackupExecutions.Where(e => e.ScheduledDatabaseBackupId == schedule.Id && e.Status == "success").ToListAsync(cancellationToken);
        var local = BackupRetention.ToDelete(
            done.Where(e => !e.LocalStorageDeleted).Select(e => new BackupRetention.Kept(e.Id, e.CreatedAt, e.Size)),
            schedule.DatabaseBackupRetentionAmountLocally, schedule.DatabaseBackupRetentionDaysLocally, schedule.DatabaseBackupRetentionMaxStorageLocally);
        var localFiles = done.Where(e => local.Contains(e.Id) && e.Filename is not null).Select(e => e.Filename!).ToList();
        if (localFiles.Count > 0)
        {
            await shell.RunAsync(ShellCommand.Of("rm", ["-f", "--", .. localFiles]), cancellationToken: cancellationToken);
        }

        foreach (var execution in done.Where(e => local.Contains(e.Id)))
        {
            execution.LocalStorageDeleted = true;
        }

        if (schedule is { SaveS3: true, S3Storage: { } storage })
        {
            var remote = BackupRetention.ToDelete(
                done.Where(e => e.S3Uploaded == true && !e.S3StorageDeleted).Select(e => new BackupRetention.Kept(e.Id, e.CreatedAt, e.Size)),
                schedule.DatabaseBackupRetentionAmountS3, schedule.DatabaseBackupRetentionDaysS3, schedule.DatabaseBackupRetentionMaxStorageS3);
            var keys = done.Where(e => remote.Contains(e.Id) && e.Filename is not null).Select(e => e.Filename!.TrimStart('/')).ToList();
            if (await S3Transfer.DeleteAsync(storage, keys, cancellationToken) is null)
            {
                foreach (var execution in done.Where(e => remote.Contains(e.Id)))
                {
                    execution.S3StorageDeleted = true;
                }
            }
        }

        // A row goes once no copy of its backup is left anywhere.
        db.BackupExecutions.RemoveRange(done.Where(e => e.LocalStorageDeleted && (e.S3Uploaded != true || e.S3StorageDeleted)));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Names carry the time in seconds (Coolify's layout), so two runs within one second would share a file, and
    // retention deleting the older would delete the newer. A name another execution holds moves a second on: the
    // format stays Coolify's and the names still sort by time. Stored at once, so a parallel run sees it taken.
    private async Task<string> FreePathAsync(string folder, StandaloneDatabase database, string? name, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var path = $"{folder}/{BackupDumps.FileName(DatabaseEngine.Of(database), name, at)}";
        while (await db.BackupExecutions.AnyAsync(e => e.Filename == path, cancellationToken))
        {
            at = at.AddSeconds(1);
            path = $"{folder}/{BackupDumps.FileName(DatabaseEngine.Of(database), name, at)}";
        }

        return path;
    }

    /// <summary>
    /// Makes the backup folder, writable for the SSH user: /data/coolify belongs to root, so a user other than root
    /// gets it through <c>sudo -n</c> (made, then handed to that user), as Coolify needs root or sudo too.
    /// </summary>
    /// <exception cref="BackupFailedException">Neither way worked; the message says what the user can do.</exception>
    public static async Task EnsureFolderAsync(IServerShell shell, string user, string folder, CancellationToken cancellationToken)
    {
        if ((await shell.RunAsync(ShellCommand.Of("mkdir", "-p", "--", folder), cancellationToken: cancellationToken)).Succeeded && user == "root")
        {
            return;
        }

        // Writable already (made before, or a parent the user owns)?
        if ((await shell.RunAsync(ShellCommand.Of("test", "-w", folder), cancellationToken: cancellationToken)).Succeeded)
        {
            return;
        }

        var elevated = ShellCommand.Of("sh", "-c", "mkdir -p -- \"$1\" && chown -- \"$2\" \"$1\"", "sh", folder, user).AsRoot();
        var result = await shell.RunAsync(elevated, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new BackupFailedException(
                $"The backup folder {folder} cannot be made writable for {user}: give {user} passwordless sudo, or connect as root ({result.Error.Trim()}).");
        }
    }

    private static async Task<long> SizeAsync(IServerShell shell, string path, CancellationToken cancellationToken)
    {
        var stat = await shell.RunAsync(ShellCommand.Of("stat", "-c", "%s", "--", path), cancellationToken: cancellationToken);
        return stat.Succeeded && long.TryParse(stat.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
    }

    // Which databases one run dumps: all of them in one file, the listed ones, or the database's own.
    private static IReadOnlyList<string?> Targets(ScheduledDatabaseBackup schedule)
    {
        var engine = DatabaseEngine.Of(schedule.Database!);
        if (engine is RedisEngine || schedule.DumpAll)
        {
            return [null];
        }

        var listed = (schedule.DatabasesToBackup ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return listed.Length > 0 ? [.. listed.Select(n => (string?)n)] : [schedule.Database!.DatabaseName];
    }
}

/// <summary>A backup run failed for a reason the user can act on (the message says which).</summary>
public sealed class BackupFailedException(string message) : Exception(message);
