using Coolify.Migrations.Postgres;
using Coolify.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Infrastructure.Persistence;

/// <summary>Points a context at the chosen provider and that provider's migrations assembly.</summary>
public static class DatabaseOptionsBuilderExtensions
{
    public static DbContextOptionsBuilder UseCoolifyDatabase(this DbContextOptionsBuilder builder, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(
                settings.ConnectionString,
                o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name)),
            DatabaseProvider.Postgres => builder.UseNpgsql(
                settings.ConnectionString,
                o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
}
