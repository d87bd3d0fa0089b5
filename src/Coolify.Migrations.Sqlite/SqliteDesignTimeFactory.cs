using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coolify.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for SQLite when adding a migration (no database is opened).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<CoolifyDbContext>
{
    public CoolifyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoolifyDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new CoolifyDbContext(options, UnavailableSecretProtector.Instance, TimeProvider.System);
    }
}
