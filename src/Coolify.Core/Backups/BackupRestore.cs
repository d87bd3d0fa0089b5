using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Databases;
using Coolify.Core.Persistence;
using Coolify.Core.S3;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Backups;

/// <summary>
/// Restores one backup into the database the user picks: the database is started first when it is stopped (a
/// restore into a stopped container is how users lose theirs), a fresh safety backup is taken first unless declined,
/// the file comes from the server or, when it is gone there, from S3 (streamed), and the dump is fed to the engine's
/// own client inside the container.
/// </summary>
public sealed class BackupRestore(CoolifyDbContext db, IServerShells shells, DatabaseService databases, BackupRunner runner, Audit.AuditLog audit)
{
    /// <returns>What was done, for the user.</returns>
    /// <exception cref="ValidationException">The backup cannot be restored (its kind, a missing file, the safety backup failed, the engine refused it).</exception>
    public async Task<string> RestoreAsync(
        TeamScope scope, string? databaseUuid, string? executionUuid, RestoreRequest request, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await databases.GetAsync(scope, databaseUuid, cancellationToken);
        var execution = await db.BackupExecutions.Include(e => e.Schedule).ThenInclude(s => s!.S3Storage)
            .SingleOrDefaultAsync(e => e.Uuid == executionUuid && e.Schedule!.DatabaseId == database.Id, cancellationToken) ?? throw new NotFoundException();
        var engine = DatabaseEngine.Of(database);
        if (execution.Status != "success" || execution.Filename is null || !BackupDumps.CanRestore(engine, execution.DatabaseName))
        {
            throw ValidationException.For("execution_uuid", "Only a successful backup of one PostgreSQL, MySQL, MariaDB, MongoDB or ClickHouse database, or of a Redis or KeyDB store, can be restored here.");
        }

        var target = Target(request.DatabaseName ?? execution.DatabaseName!);

        var shell = shells.For(database.Destination!.Server!);
        var notes = new List<string>();
        // The file first: a backup that cannot be fetched is refused before anything is started or backed up.
        var path = await FileOnServerAsync(shell, execution, request.FromS3, notes, cancellationToken);
        try
        {
            await PrepareAsync(scope, database, shell, execution.ScheduledDatabaseBackupId, target, request.SafetyBackup, notes, cancellationToken);
            await RunRestoreAsync(shell, BackupDumps.RestoreCommand(database, target, path, execution.DatabaseName), "execution_uuid", cancellationToken);
        }
        finally
        {
            if (path != execution.Filename)
            {
                await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
            }
        }

        audit.Add("backup.restored", scope.Access.UserId, scope.Access.TeamId, $"{database.Name}: {execution.Filename} into {target}");
        await db.SaveChangesAsync(cancellationToken);
        notes.Add($"Restored {execution.Filename} into {(engine is RedisEngine ? "the store" : target)}.");
        return string.Join(" ", notes);
    }

    /// <summary>
    /// Restores a file the user uploaded (streamed to the server, never held here): a PostgreSQL custom archive, or an
    /// SQL script, plain or gzip'd, read end to end by <see cref="DumpScanner"/> first — one with client commands or
    /// <c>COPY … PROGRAM</c> is refused before anything runs. Then as any restore: started, safety backup, restored.
    /// </summary>
    /// <exception cref="ValidationException">The engine, the target or the file is refused, or the restore failed.</exception>
    public async Task<string> RestoreUploadAsync(TeamScope scope, string? databaseUuid, Stream content, RestoreRequest request, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await databases.GetAsync(scope, databaseUuid, cancellationToken);
        var dialect = DatabaseEngine.Of(database) switch
        {
            PostgresEngine => SqlDialect.Postgres,
            MysqlEngine => SqlDialect.Mysql,
            _ => throw ValidationException.For("file", "Uploaded backups are restored into PostgreSQL, MySQL and MariaDB databases."),
        };
        var target = Target(request.DatabaseName ?? database.DatabaseName!);
        var shell = shells.For(database.Destination!.Server!);
        var folder = BackupRunner.Folder(database, scope.Access.TeamId);
        try
        {
            await BackupRunner.EnsureFolderAsync(shell, database.Destination!.Server!.User, folder, cancellationToken);
        }
        catch (BackupFailedException ex)
        {
            throw ValidationException.For("file", ex.Message);
        }

        var path = $"{folder}/upload-{PublicId.New()[..12]}";
        try
        {
            await shell.UploadAsync(content, path, 0x180, cancellationToken);
            var (kind, refusal) = await BackupUploads.InspectAsync(shell, path, dialect, cancellationToken);
            if (refusal is not null)
            {
                throw ValidationException.For("file", $"Nothing was restored: {refusal}");
            }

            var notes = new List<string>();
            var schedule = await SafetyScheduleAsync(database, request.SafetyBackup, cancellationToken);
            await PrepareAsync(scope, database, shell, schedule, target, request.SafetyBackup, notes, cancellationToken);
            var command = kind == UploadKind.PostgresArchive
                ? BackupDumps.RestoreCommand(database, target, path) : BackupDumps.SqlRestoreCommand(database, target, path, kind == UploadKind.GzippedSql);
            await RunRestoreAsync(shell, command, "file", cancellationToken);
            audit.Add("backup.restored", scope.Access.UserId, scope.Access.TeamId, $"{database.Name}: an uploaded file into {target}");
            await db.SaveChangesAsync(cancellationToken);
            notes.Add($"Restored the uploaded file into {target}.");
            return string.Join(" ", notes);
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
        }
    }

    private static string Target(string name) => DatabaseFields.IsIdentifier(name)
        ? name : throw ValidationException.For("database_name", "Use a letter or _ first, then letters, digits or _ (63 characters at most).");

    // Started when stopped (a restore into a stopped container is how users lose theirs), ready, then the safety backup.
    private async Task PrepareAsync(
        TeamScope scope, StandaloneDatabase database, IServerShell shell, int? scheduleId, string target, bool safetyBackup, List<string> notes, CancellationToken cancellationToken)
    {
        if (database.Status == "exited" || await new Docker.DockerCli(shell).ContainerStatusAsync(database.Uuid, cancellationToken) != "running")
        {
            await databases.StartAsync(scope, database.Uuid, cancellationToken);
            notes.Add("Started the database first.");
        }

        await WaitUntilReadyAsync(shell, database, cancellationToken);
        if (safetyBackup && scheduleId is { } id)
        {
            var safety = await runner.RunOneAsync(id, target, "Safety backup taken before a restore.", cancellationToken);
            if (safety.Status != "success")
            {
                throw ValidationException.For("safety_backup", $"The safety backup failed, so nothing was restored: {safety.Message}");
            }

            notes.Add($"Safety backup: {safety.Filename}.");
        }
    }

    // An upload's safety backup is recorded under the database's first schedule, or a disabled one made for it (so it
    // shows in the list and can be restored like any other).
    private async Task<int?> SafetyScheduleAsync(StandaloneDatabase database, bool safetyBackup, CancellationToken cancellationToken)
    {
        if (!safetyBackup)
        {
            return null;
        }

        if (await db.ScheduledDatabaseBackups.Where(s => s.DatabaseId == database.Id).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var schedule = new ScheduledDatabaseBackup { DatabaseId = database.Id, Frequency = "daily", Enabled = false, Description = "Safety backups taken before restores" };
        db.ScheduledDatabaseBackups.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return schedule.Id;
    }

    private static async Task RunRestoreAsync(IServerShell shell, ShellCommand command, string field, CancellationToken cancellationToken)
    {
        var result = await shell.RunAsync(command, new CommandOptions { Timeout = TimeSpan.FromHours(6) }, cancellationToken);
        if (!result.Succeeded)
        {
            throw ValidationException.For(field, $"The restore failed: {(result.Error.Trim().Length > 0 ? result.Error.Trim() : result.Output.Trim())}");
        }
    }

    // The server's copy when it is there (and S3 was not asked for); else the S3 object, streamed to a file beside it.
    private static async Task<string> FileOnServerAsync(IServerShell shell, BackupExecution execution, bool fromS3, List<string> notes, CancellationToken cancellationToken)
    {
        var local = execution.Filename!;
        if (!fromS3 && !execution.LocalStorageDeleted && (await shell.RunAsync(ShellCommand.Of("test", "-s", local), cancellationToken: cancellationToken)).Succeeded)
        {
            return local;
        }

        if (execution is not { S3Uploaded: true, S3StorageDeleted: false, Schedule.S3Storage: { } storage })
        {
            throw ValidationException.For("execution_uuid", "The backup's file is gone from the server and it has no copy in S3.");
        }

        var path = $"{local}.restore-{PublicId.New()[..8]}";
        try
        {
            using var client = S3Clients.Create(storage, TimeSpan.FromMinutes(30));
            using var response = await client.GetObjectAsync(storage.Bucket, local.TrimStart('/'), cancellationToken);
            await shell.UploadAsync(response.ResponseStream, path, 0x180, cancellationToken);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException or CommandFailedException)
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: CancellationToken.None);
            throw ValidationException.For("execution_uuid", $"The S3 copy could not be fetched, so nothing was restored: {ex.Message}");
        }

        notes.Add($"Downloaded s3://{storage.Bucket}/{local.TrimStart('/')}.");
        return path;
    }

    // A container just started answers its client only once the server inside is up (polled, within two minutes).
    private static async Task WaitUntilReadyAsync(IServerShell shell, StandaloneDatabase database, CancellationToken cancellationToken)
    {
        var probe = ShellCommand.Of("docker", ["exec", "--", database.Uuid, .. DatabaseEngine.Of(database).HealthCheck(database).Skip(1)]);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (!(await shell.RunAsync(probe, cancellationToken: deadline.Token)).Succeeded)
            {
                await Task.Delay(500, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ValidationException.For("database", "The database did not become ready within two minutes; see its logs.");
        }
    }
}

/// <param name="DatabaseName">Where to restore; the backup's own database when null.</param>
/// <param name="FromS3">Take the S3 copy even when the server still has the file.</param>
/// <param name="SafetyBackup">Back the target up first (default), so a wrong restore can be undone.</param>
public sealed record RestoreRequest(string? DatabaseName = null, bool FromS3 = false, bool SafetyBackup = true);
