using System.Runtime.CompilerServices;
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
            DatabaseProvider.Sqlite => UseSqlite(builder, settings.ConnectionString),
            DatabaseProvider.Postgres => UsePostgres(builder, settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };

    // One method per provider: the JIT loads a provider's assemblies only when its method runs, so a SQLite
    // install never maps Npgsql (and the reverse). Measured in docs/PERFORMANCE.md.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name));
}
