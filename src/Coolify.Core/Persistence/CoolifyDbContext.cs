using Coolify.Core.Applications;
using Coolify.Core.Deployments;
using Coolify.Core.Projects;
using Coolify.Core.Security;
using Coolify.Core.Servers;
using Coolify.Core.Settings;
using Coolify.Core.Storages;
using Coolify.Core.Tags;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coolify.Core.Persistence;

/// <summary>
/// The one database context, provider-neutral: the host picks SQLite or PostgreSQL (and the matching
/// migrations assembly) at start-up. Conventions shared by all tables live in <see cref="ModelConventions"/>.
/// </summary>
public class CoolifyDbContext(
    DbContextOptions<CoolifyDbContext> options,
    ISecretProtector secretProtector,
    TimeProvider timeProvider) : IdentityUserContext<User, int>(options)
{
    internal ISecretProtector SecretProtector { get; } = secretProtector;

    public DbSet<InstanceSettings> InstanceSettings => Set<InstanceSettings>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<TeamInvitation> TeamInvitations => Set<TeamInvitation>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();

    public DbSet<PrivateKey> PrivateKeys => Set<PrivateKey>();

    public DbSet<Server> Servers => Set<Server>();

    public DbSet<ServerSettings> ServerSettings => Set<ServerSettings>();

    public DbSet<Destination> Destinations => Set<Destination>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationSettings> ApplicationSettings => Set<ApplicationSettings>();

    public DbSet<EnvironmentVariable> EnvironmentVariables => Set<EnvironmentVariable>();

    public DbSet<Deployment> Deployments => Set<Deployment>();

    public DbSet<DeploymentLogLine> DeploymentLogLines => Set<DeploymentLogLine>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Taggable> Taggables => Set<Taggable>();

    public DbSet<LocalPersistentVolume> LocalPersistentVolumes => Set<LocalPersistentVolume>();

    public DbSet<LocalFileVolume> LocalFileVolumes => Set<LocalFileVolume>();

    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();

    public DbSet<OauthSetting> OauthSettings => Set<OauthSetting>();

    public DbSet<Proxy.ProxyCertificate> ProxyCertificates => Set<Proxy.ProxyCertificate>();

    public DbSet<Databases.StandaloneDatabase> Databases => Set<Databases.StandaloneDatabase>();

    public DbSet<S3.S3Storage> S3Storages => Set<S3.S3Storage>();

    public DbSet<Backups.ScheduledDatabaseBackup> ScheduledDatabaseBackups => Set<Backups.ScheduledDatabaseBackup>();

    public DbSet<Backups.BackupExecution> BackupExecutions => Set<Backups.BackupExecution>();

    public DbSet<Services.Service> Services => Set<Services.Service>();

    public DbSet<Services.ServiceApplication> ServiceApplications => Set<Services.ServiceApplication>();

    public DbSet<Services.ServiceDatabase> ServiceDatabases => Set<Services.ServiceDatabase>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            .ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>()
            // Settings, deployments and destinations of a soft-deleted application or server are meant to
            // disappear with it; EF's warning about that interaction is the behaviour we want.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<TeamRole>().HaveConversion<LowercaseEnumConverter<TeamRole>>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity's schema v1 (what it builds without app options, i.e. at design time) drops the passkey table
        // but leaves its JSON payload type behind. No passkeys yet: remove both so design and run time agree.
        builder.Ignore<IdentityUserPasskey<int>>();
        builder.Ignore<IdentityPasskeyData>();
        builder.ApplyConfigurationsFromAssembly(typeof(CoolifyDbContext).Assembly);
        ModelConventions.Apply(builder, SecretProtector);
    }

    /// <summary>The context's clock, so services stamp times the same way the context does.</summary>
    public DateTime GetUtcNow() => timeProvider.GetUtcNow().UtcDateTime;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeStamps.Apply(ChangeTracker, timeProvider.GetUtcNow().UtcDateTime);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeStamps.Apply(ChangeTracker, timeProvider.GetUtcNow().UtcDateTime);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
