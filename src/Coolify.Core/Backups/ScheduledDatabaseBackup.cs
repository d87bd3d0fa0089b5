using Coolify.Core.Common;
using Coolify.Core.Databases;
using Coolify.Core.S3;

namespace Coolify.Core.Backups;

/// <summary>A database's backup schedule (Coolify's <c>scheduled_database_backups</c>, its API field names).</summary>
public class ScheduledDatabaseBackup : Entity
{
    public int DatabaseId { get; set; }

    public StandaloneDatabase? Database { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>A cron expression or one of Coolify's words (<c>every_minute</c>, <c>hourly</c>, <c>daily</c>, ...), in UTC.</summary>
    public required string Frequency { get; set; }

    public bool SaveS3 { get; set; }

    public int? S3StorageId { get; set; }

    public S3Storage? S3Storage { get; set; }

    /// <summary>Comma-separated database names; empty: the database's own.</summary>
    public string? DatabasesToBackup { get; set; }

    public bool DumpAll { get; set; }

    /// <summary>Seconds a run may take (60–36000).</summary>
    public int Timeout { get; set; } = 3600;

    public bool DisableLocalBackup { get; set; }

    public int DatabaseBackupRetentionAmountLocally { get; set; }

    public int DatabaseBackupRetentionDaysLocally { get; set; }

    public decimal DatabaseBackupRetentionMaxStorageLocally { get; set; }

    public int DatabaseBackupRetentionAmountS3 { get; set; }

    public int DatabaseBackupRetentionDaysS3 { get; set; }

    public decimal DatabaseBackupRetentionMaxStorageS3 { get; set; }

    /// <summary>The due time last claimed by a scheduler: the next run is the first due time after it (claimed through the database, so two replicas never both run it).</summary>
    public DateTime? LastScheduledAt { get; set; }

    public List<BackupExecution> Executions { get; set; } = [];
}

/// <summary>One run of a schedule for one database name (Coolify's <c>scheduled_database_backup_executions</c>).</summary>
public class BackupExecution : Entity
{
    public int ScheduledDatabaseBackupId { get; set; }

    public ScheduledDatabaseBackup? Schedule { get; set; }

    /// <summary><c>running</c>, <c>success</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "running";

    public string? Message { get; set; }

    public long Size { get; set; }

    /// <summary>The file's path on the server (also its key in S3, without the leading slash).</summary>
    public string? Filename { get; set; }

    public string? DatabaseName { get; set; }

    public DateTime? FinishedAt { get; set; }

    public bool LocalStorageDeleted { get; set; }

    public bool S3StorageDeleted { get; set; }

    /// <summary>Null when the schedule does not save to S3.</summary>
    public bool? S3Uploaded { get; set; }
}
