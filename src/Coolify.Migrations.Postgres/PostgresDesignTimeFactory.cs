using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coolify.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the context for PostgreSQL when adding a migration (no database is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<CoolifyDbContext>
{
    public CoolifyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoolifyDbContext>()
            .UseNpgsql("Host=localhost;Database=coolify_design_time", o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new CoolifyDbContext(options, UnavailableSecretProtector.Instance, TimeProvider.System);
    }
}
