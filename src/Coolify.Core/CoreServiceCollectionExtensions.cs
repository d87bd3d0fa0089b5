using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coolify.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the feature services (use cases) of Core.</summary>
    public static IServiceCollection AddCoolifyCore(this IServiceCollection services)
    {
        services.AddScoped<AccountRegistration>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<TeamAccessResolver>();
        services.AddScoped<TeamScopeFactory>();
        services.AddScoped<TeamQueries>();
        services.AddScoped<TeamManagement>();
        services.AddScoped<TeamInvitations>();
        services.AddScoped<AccountProfile>();
        services.AddScoped<TwoFactorAuthentication>();
        services.AddScoped<Reauthentication>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<UserSessions>();
        services.AddScoped<Security.PrivateKeys>();
        services.AddScoped<Projects.ProjectService>();
        services.AddScoped<Applications.ApplicationService>();
        services.AddScoped<Applications.EnvironmentVariables>();
        services.AddScoped<Storages.ResourceStorages>();
        services.AddScoped<Tags.TagService>();
        services.AddScoped<Deployments.DeploymentQueue>();
        services.AddScoped<Deployments.DeploymentClaims>();
        services.AddScoped<Deployments.DeploymentPipeline>();
        services.TryAddSingleton(new Builds.BuildPackImages());
        services.AddSingleton<Deployments.DeploymentCancellations>();
        services.AddSingleton<Deployments.DeploymentWakeUp>();
        services.AddSingleton<Deployments.DeploymentLogFeed>();
        services.AddScoped<Servers.ServerService>();
        services.AddScoped<Servers.ServerValidator>();
        services.AddScoped<Servers.DestinationService>();
        services.AddScoped<Servers.ServerHealthCheck>();
        services.AddSingleton<Servers.ServerLocks>();
        services.AddSingleton<Proxy.ControlPlaneEndpoint>();
        services.AddScoped<Proxy.ProxyDesiredState>();
        services.AddScoped<Databases.DatabasePorts>();
        services.AddScoped<Databases.DatabaseService>();
        services.AddScoped<Services.ComposeServices>();
        services.AddScoped<S3.S3StorageService>();
        services.AddSingleton<Backups.BackupQueue>();
        services.AddScoped<Backups.BackupSchedules>();
        services.AddScoped<Backups.BackupRunner>();
        services.AddScoped<Backups.BackupRestore>();
        services.AddScoped<Backups.BackupFiles>();
        services.AddScoped<Proxy.ProxyService>();
        services.AddScoped<Proxy.ProxyCertificates>();
        services.TryAddSingleton(new Proxy.ProxyImages());
        services.TryAddSingleton<Notifications.IAccountMail, Notifications.LoggedAccountMail>();
        services.AddScoped<Audit.AuditLog>();
        services.TryAddScoped<Audit.IClientAddress, Audit.NoClientAddress>();
        services.AddScoped<Settings.InstanceSettingsService>();
        services.AddScoped<Settings.ExternalLoginSettings>();
        return services;
    }

    /// <summary>
    /// Accounts with Coolify's password rules and lockout. The host adds sign-in and token providers; tests and
    /// the admin command get the same rules from here.
    /// </summary>
    public static IdentityBuilder AddCoolifyIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<User>(o =>
            {
                // Coolify's defaults: at least 8 characters with mixed case, a digit and a symbol.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CoolifyDbContext>();
}
