using Coolify.Core.Backups;

namespace Coolify.Web.Components.Pages.Databases;

/// <summary>What the dashboard's schedule form edits: the common part of Coolify's backup settings.</summary>
public sealed class BackupScheduleInput
{
    public string? Frequency { get; set; } = "daily";

    public int KeepLocally { get; set; } = 7;

    public int KeepInS3 { get; set; } = 7;

    public string? S3StorageUuid { get; set; }

    public bool Enabled { get; set; } = true;

    public static BackupScheduleInput From(ScheduledDatabaseBackup schedule) => new()
    {
        Frequency = schedule.Frequency, KeepLocally = schedule.DatabaseBackupRetentionAmountLocally, KeepInS3 = schedule.DatabaseBackupRetentionAmountS3,
        S3StorageUuid = schedule.SaveS3 ? schedule.S3Storage?.Uuid : null, Enabled = schedule.Enabled,
    };

    public BackupChange ToChange()
    {
        var s3 = string.IsNullOrEmpty(S3StorageUuid) ? null : S3StorageUuid;
        return new BackupChange
        {
            Frequency = Frequency ?? string.Empty, Enabled = Enabled, SaveS3 = s3 is not null, S3StorageUuid = s3,
            RetentionAmountLocally = KeepLocally, RetentionAmountS3 = s3 is null ? null : KeepInS3,
        };
    }
}
