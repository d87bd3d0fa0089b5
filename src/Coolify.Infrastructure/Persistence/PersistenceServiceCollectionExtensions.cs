using Coolify.Core.Persistence;
using Coolify.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (scoped context for requests, factory for Blazor circuits and workers) and the
    /// secret protector, whose Data Protection keys live in <paramref name="dataDirectory"/>/keys.
    /// </summary>
    public static IServiceCollection AddCoolifyPersistence(this IServiceCollection services, DatabaseSettings database, string dataDirectory)
    {
        var keysDirectory = new DirectoryInfo(Path.Combine(dataDirectory, "keys"));
        if (!keysDirectory.Exists)
        {
            keysDirectory.Create();
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keysDirectory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        services.AddDataProtection()
            .SetApplicationName("coolify")
            .PersistKeysToFileSystem(keysDirectory);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton(database);
        services.AddDbContextFactory<CoolifyDbContext>(o => o.UseCoolifyDatabase(database), ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CoolifyDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
