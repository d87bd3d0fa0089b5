using Coolify.Infrastructure.Persistence;

namespace Coolify.Integration.Tests.Support;

/// <summary>Runs a persistence theory once per supported database (bitwarden's per-database theory).</summary>
public sealed class AllDatabases : TheoryData<DatabaseProvider>
{
    public AllDatabases()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
