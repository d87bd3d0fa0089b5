using Amazon.S3.Model;
using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.S3;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Backups;

/// <summary>
/// One backup's file as the user handles it: downloaded (from the server, or from S3 once the server's copy is gone,
/// streamed either way) or deleted with its execution (the S3 copy too when asked, as Coolify's <c>delete_s3</c>).
/// </summary>
public sealed class BackupFiles(CoolifyDbContext db, IServerShells shells, Audit.AuditLog audit)
{
    /// <exception cref="NotFoundException">No such execution of that schedule of the team's database.</exception>
    /// <exception cref="ValidationException">The backup is still running.</exception>
    public async Task DeleteAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, string? executionUuid, bool deleteS3, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var execution = await FindAsync(scope, databaseUuid, scheduleUuid, executionUuid, cancellationToken);
        if (execution.Status == "running")
        {
            throw ValidationException.For("execution_uuid", "This backup is still running; delete it once it has finished.");
        }

        if (execution is { Filename: { } path, LocalStorageDeleted: false })
        {
            var result = await ShellFor(execution).RunAsync(ShellCommand.Of("rm", "-f", "--", path), cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                throw ValidationException.For("execution_uuid", $"The server kept the file: {result.Error.Trim()}");
            }
        }

        if (deleteS3 && execution is { S3Uploaded: true, S3StorageDeleted: false, Filename: { } key, Schedule.S3Storage: { } storage }
            && await S3Transfer.DeleteAsync(storage, [key.TrimStart('/')], cancellationToken) is { } failure)
        {
            throw ValidationException.For("delete_s3", $"The S3 copy could not be deleted, so the backup is kept: {failure}");
        }

        db.BackupExecutions.Remove(execution);
        audit.Add("backup.execution_deleted", scope.Access.UserId, scope.Access.TeamId, execution.Filename ?? execution.Uuid);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The backup's file name and a writer that streams it to a destination (memory holds one buffer).</summary>
    /// <exception cref="ValidationException">The backup has no file left (failed, or deleted by retention everywhere).</exception>
    public async Task<BackupDownload> OpenAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, string? executionUuid, CancellationToken cancellationToken)
    {
        var execution = await FindAsync(scope, databaseUuid, scheduleUuid, executionUuid, cancellationToken);
        if (execution is not { Status: "success", Filename: { } path })
        {
            throw ValidationException.For("execution_uuid", "Only a successful backup has a file to download.");
        }

        var shell = ShellFor(execution);
        var name = Path.GetFileName(path);
        if (!execution.LocalStorageDeleted && (await shell.RunAsync(ShellCommand.Of("test", "-s", path), cancellationToken: cancellationToken)).Succeeded)
        {
            return new BackupDownload(name, execution.Size, (destination, ct) => shell.DownloadAsync(path, destination, ct));
        }

        if (execution is not { S3Uploaded: true, S3StorageDeleted: false, Schedule.S3Storage: { } storage })
        {
            throw ValidationException.For("execution_uuid", "The backup's file is gone from the server and it has no copy in S3.");
        }

        // Opened here, so a missing object is refused before the download's answer has begun.
        var client = S3Clients.Create(storage, TimeSpan.FromMinutes(30));
        GetObjectResponse response;
        try
        {
            response = await client.GetObjectAsync(storage.Bucket, path.TrimStart('/'), cancellationToken);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            client.Dispose();
            throw ValidationException.For("execution_uuid", $"The S3 copy could not be fetched: {ex.Message}");
        }

        return new BackupDownload(name, execution.Size, async (destination, ct) =>
        {
            using (client)
            using (response)
            {
                await response.ResponseStream.CopyToAsync(destination, ct);
            }
        });
    }

    private IServerShell ShellFor(BackupExecution execution) => shells.For(execution.Schedule!.Database!.Destination!.Server!);

    private async Task<BackupExecution> FindAsync(TeamScope scope, string? databaseUuid, string? scheduleUuid, string? executionUuid, CancellationToken cancellationToken)
    {
        // Through the team's databases: an execution of another team's database is "not found", as it would be in Coolify.
        var database = await scope.Databases.AsNoTracking().Where(d => d.Uuid == databaseUuid).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        return await db.BackupExecutions
            .Include(e => e.Schedule).ThenInclude(s => s!.S3Storage)
            .Include(e => e.Schedule).ThenInclude(s => s!.Database).ThenInclude(d => d!.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(e => e.Schedule).ThenInclude(s => s!.Database).ThenInclude(d => d!.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(e => e.Uuid == executionUuid && e.Schedule!.DatabaseId == database && e.Schedule.Uuid == scheduleUuid, cancellationToken)
            ?? throw new NotFoundException();
    }
}

/// <param name="FileName">The file's own name (no folder).</param>
/// <param name="Size">Its size in bytes as recorded when it was made.</param>
/// <param name="WriteToAsync">Streams the file to a destination.</param>
public sealed record BackupDownload(string FileName, long Size, Func<Stream, CancellationToken, Task> WriteToAsync);
