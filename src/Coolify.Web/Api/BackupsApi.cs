using System.Security.Claims;
using Coolify.Core.Backups;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Coolify.Web.Backups;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>/databases/{uuid}/backups</c> routes: schedules (with <c>backup_now</c>) and their executions.</summary>
public static class BackupsApi
{
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Databases").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/databases/{uuid}/backups", ListAsync).WithName("get-database-backups-by-uuid");
        read.MapGet("/databases/{uuid}/backups/{scheduled_backup_uuid}/executions", ExecutionsAsync).WithName("list-backup-executions");
        // Ours: Coolify downloads only from its dashboard. The file is the backup itself, so reading it takes read:sensitive.
        app.MapGroup("/api/v1").WithTags("Databases").RequireAbility(Abilities.ReadSensitive).RequireRateLimiting(ApiRateLimiting.Policy)
            .MapGet("/databases/{uuid}/backups/{scheduled_backup_uuid}/executions/{execution_uuid}/download", DownloadAsync).WithName("download-backup-execution");

        var write = app.MapGroup("/api/v1").WithTags("Databases").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/databases/{uuid}/backups", CreateAsync).WithName("create-database-backup");
        write.MapPatch("/databases/{uuid}/backups/{scheduled_backup_uuid}", UpdateAsync).WithName("update-database-backup");
        write.MapDelete("/databases/{uuid}/backups/{scheduled_backup_uuid}", DeleteAsync).WithName("delete-backup-configuration-by-uuid");
        write.MapDelete("/databases/{uuid}/backups/{scheduled_backup_uuid}/executions/{execution_uuid}", DeleteExecutionAsync).WithName("delete-backup-execution-by-uuid");
        write.MapPost("/databases/{uuid}/restore", RestoreAsync).WithName("restore-database-backup");
        // Ours: the body is the file itself (curl --data-binary @dump.sql.gz), streamed to the server, of any size.
        write.MapPost("/databases/{uuid}/restore/upload", RestoreUploadAsync).WithName("restore-database-upload")
            .WithMetadata(new DisableRequestSizeLimitAttribute());
        return app;
    }

    public sealed record BackupRequest(
        string? Frequency, bool? Enabled, string? Description, bool? SaveS3, string? S3StorageUuid, string? DatabasesToBackup, bool? DumpAll, bool? BackupNow,
        bool? DisableLocalBackup, int? Timeout, int? DatabaseBackupRetentionAmountLocally, int? DatabaseBackupRetentionDaysLocally,
        decimal? DatabaseBackupRetentionMaxStorageLocally, int? DatabaseBackupRetentionAmountS3, int? DatabaseBackupRetentionDaysS3, decimal? DatabaseBackupRetentionMaxStorageS3)
    {
        public BackupChange ToChange() => new()
        {
            Frequency = Frequency, Enabled = Enabled, Description = Description, SaveS3 = SaveS3, S3StorageUuid = S3StorageUuid, DatabasesToBackup = DatabasesToBackup,
            DumpAll = DumpAll, BackupNow = BackupNow, DisableLocalBackup = DisableLocalBackup, Timeout = Timeout,
            RetentionAmountLocally = DatabaseBackupRetentionAmountLocally, RetentionDaysLocally = DatabaseBackupRetentionDaysLocally,
            RetentionMaxStorageLocally = DatabaseBackupRetentionMaxStorageLocally, RetentionAmountS3 = DatabaseBackupRetentionAmountS3,
            RetentionDaysS3 = DatabaseBackupRetentionDaysS3, RetentionMaxStorageS3 = DatabaseBackupRetentionMaxStorageS3,
        };
    }

    public sealed record ExecutionResponse(
        string Uuid, string? Filename, long Size, DateTime CreatedAt, string? Message, string Status, string? DatabaseName, DateTime? FinishedAt,
        bool? S3Uploaded, bool LocalStorageDeleted, bool S3StorageDeleted)
    {
        public static ExecutionResponse From(BackupExecution e) =>
            new(e.Uuid, e.Filename, e.Size, e.CreatedAt, e.Message, e.Status, e.DatabaseName, e.FinishedAt, e.S3Uploaded, e.LocalStorageDeleted, e.S3StorageDeleted);
    }

    public sealed record ScheduleResponse(
        string Uuid, string? Description, bool Enabled, string Frequency, bool SaveS3, string? S3StorageUuid, string? DatabasesToBackup, bool DumpAll,
        bool DisableLocalBackup, int Timeout, int DatabaseBackupRetentionAmountLocally, int DatabaseBackupRetentionDaysLocally,
        decimal DatabaseBackupRetentionMaxStorageLocally, int DatabaseBackupRetentionAmountS3, int DatabaseBackupRetentionDaysS3,
        decimal DatabaseBackupRetentionMaxStorageS3, IReadOnlyList<ExecutionResponse> Executions)
    {
        public static ScheduleResponse From(ScheduledDatabaseBackup s) => new(
            s.Uuid, s.Description, s.Enabled, s.Frequency, s.SaveS3, s.S3Storage?.Uuid, s.DatabasesToBackup, s.DumpAll, s.DisableLocalBackup, s.Timeout,
            s.DatabaseBackupRetentionAmountLocally, s.DatabaseBackupRetentionDaysLocally, s.DatabaseBackupRetentionMaxStorageLocally,
            s.DatabaseBackupRetentionAmountS3, s.DatabaseBackupRetentionDaysS3, s.DatabaseBackupRetentionMaxStorageS3, [.. s.Executions.Select(ExecutionResponse.From)]);
    }

    public sealed record CreatedSchedule(string Uuid, string Message);

    /// <param name="ExecutionUuid">The backup to restore (an execution of one of the database's schedules).</param>
    /// <param name="DatabaseName">Where to restore it; the backup's own database when absent.</param>
    /// <param name="FromS3">Take the S3 copy even when the server still has the file.</param>
    /// <param name="SafetyBackup">Back the target up first; true unless false is given.</param>
    public sealed record RestoreBody(string? ExecutionUuid, string? DatabaseName, bool? FromS3, bool? SafetyBackup);

    public sealed record ExecutionList(IReadOnlyList<ExecutionResponse> Executions);

    public static async Task<Ok<IEnumerable<ScheduleResponse>>> ListAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, BackupSchedules backups, CancellationToken ct) =>
        TypedResults.Ok((await backups.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)).Select(ScheduleResponse.From));

    public static async Task<Created<CreatedSchedule>> CreateAsync(string uuid, BackupRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, BackupSchedules backups, CancellationToken ct)
    {
        var schedule = await backups.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct);
        return TypedResults.Created($"/api/v1/databases/{uuid}/backups", new CreatedSchedule(schedule.Uuid, "Backup configuration created successfully."));
    }

    public static async Task<Ok<ApiMessage>> UpdateAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, BackupRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, BackupSchedules backups, CancellationToken ct)
    {
        await backups.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, scheduleUuid, body.ToChange(), ct);
        return TypedResults.Ok(new ApiMessage("Database backup configuration updated"));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, [FromQuery(Name = "delete_s3")] bool? deleteS3,
        ClaimsPrincipal user, TeamScopeFactory scopes, BackupSchedules backups, IServerShells shells, CancellationToken ct)
    {
        await backups.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, scheduleUuid, deleteS3 == true, shells, ct);
        return TypedResults.Ok(new ApiMessage("Backup configuration and all executions deleted."));
    }

    public static async Task<Ok<ExecutionList>> ExecutionsAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, ClaimsPrincipal user, TeamScopeFactory scopes, BackupSchedules backups, CancellationToken ct) =>
        TypedResults.Ok(new ExecutionList([.. (await backups.ExecutionsAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, scheduleUuid, ct)).Select(ExecutionResponse.From)]));

    /// <summary>Ours (Coolify restores only from its dashboard): the database started first when stopped, a safety backup first unless declined.</summary>
    public static async Task<Ok<ApiMessage>> RestoreAsync(string uuid, RestoreBody body, ClaimsPrincipal user, TeamScopeFactory scopes, BackupRestore restores, CancellationToken ct) =>
        TypedResults.Ok(new ApiMessage(await restores.RestoreAsync(
            await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ExecutionUuid, new RestoreRequest(body.DatabaseName, body.FromS3 == true, body.SafetyBackup != false), ct)));

    public static async Task<Ok<ApiMessage>> DeleteExecutionAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, [FromRoute(Name = "execution_uuid")] string executionUuid,
        [FromQuery(Name = "delete_s3")] bool? deleteS3, ClaimsPrincipal user, TeamScopeFactory scopes, BackupFiles files, CancellationToken ct)
    {
        await files.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, scheduleUuid, executionUuid, deleteS3 == true, ct);
        return TypedResults.Ok(new ApiMessage("Backup execution deleted."));
    }

    /// <summary>The backup's file, streamed (from the server, or from S3 once the server's copy is gone).</summary>
    public static async Task<IResult> DownloadAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, [FromRoute(Name = "execution_uuid")] string executionUuid,
        ClaimsPrincipal user, TeamScopeFactory scopes, BackupFiles files, CancellationToken ct) =>
        BackupDownloads.Result(await files.OpenAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, scheduleUuid, executionUuid, ct), ct);

    /// <summary>A PostgreSQL archive or an SQL script (plain or gzip'd), checked for client commands before anything runs.</summary>
    public static async Task<Ok<ApiMessage>> RestoreUploadAsync(
        string uuid, [FromQuery(Name = "database_name")] string? databaseName, [FromQuery(Name = "safety_backup")] bool? safetyBackup,
        HttpRequest request, ClaimsPrincipal user, TeamScopeFactory scopes, BackupRestore restores, CancellationToken ct) =>
        TypedResults.Ok(new ApiMessage(await restores.RestoreUploadAsync(
            await ApiScope.RequireAsync(user, scopes, ct), uuid, request.Body, new RestoreRequest(databaseName, SafetyBackup: safetyBackup != false), ct)));
}
