using Coolify.Core.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coolify.Core.Persistence.Configurations;

internal sealed class ScheduledDatabaseBackupConfiguration : IEntityTypeConfiguration<ScheduledDatabaseBackup>
{
    public void Configure(EntityTypeBuilder<ScheduledDatabaseBackup> builder)
    {
        builder.ToTable("scheduled_database_backups");
        builder.Property(b => b.Frequency).HasMaxLength(100);
        builder.Property(b => b.DatabaseBackupRetentionMaxStorageLocally).HasPrecision(17, 7);
        builder.Property(b => b.DatabaseBackupRetentionMaxStorageS3).HasPrecision(17, 7);
        builder.HasOne(b => b.Database).WithMany().HasForeignKey(b => b.DatabaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.S3Storage).WithMany().HasForeignKey(b => b.S3StorageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BackupExecutionConfiguration : IEntityTypeConfiguration<BackupExecution>
{
    public void Configure(EntityTypeBuilder<BackupExecution> builder)
    {
        builder.ToTable("scheduled_database_backup_executions");
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Filename).HasMaxLength(1024);
        builder.Property(e => e.DatabaseName).HasMaxLength(255);
        builder.HasOne(e => e.Schedule).WithMany(s => s.Executions).HasForeignKey(e => e.ScheduledDatabaseBackupId).OnDelete(DeleteBehavior.Cascade);
    }
}
