using Coolify.Core;
using Coolify.Core.Persistence;
using Coolify.Infrastructure.Persistence;
using Coolify.Infrastructure.Servers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coolify.Integration.Tests.Support;

/// <summary>
/// A fresh, migrated database of one provider, wired exactly as the product wires it
/// (<see cref="PersistenceServiceCollectionExtensions.AddCoolifyPersistence"/>), with its own data directory.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COOLIFY_TEST_POSTGRES";

    private ServiceProvider _services;

    private TestDatabase(DatabaseSettings settings, string dataDirectory, string? postgresAdmin)
    {
        Settings = settings;
        DataDirectory = dataDirectory;
        PostgresAdmin = postgresAdmin;
        _services = BuildServices(settings, dataDirectory);
    }

    public DatabaseSettings Settings { get; }

    public string DataDirectory { get; }

    private string? PostgresAdmin { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("coolify-test-").FullName;
        TestDatabase database;
        if (provider is DatabaseProvider.Sqlite)
        {
            database = new TestDatabase(DatabaseSettings.Resolve(null, dataDirectory), dataDirectory, null);
        }
        else
        {
            var admin = PostgresAdminConnectionString();
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = $"coolify_test_{Guid.NewGuid():N}" };
            database = new TestDatabase(DatabaseSettings.Resolve(builder.ConnectionString, dataDirectory), dataDirectory, admin);
        }

        await database.InitializeAsync();
        return database;
    }

    /// <summary>Runs the product's start-up database step (migrations, seed).</summary>
    public async Task InitializeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A DI scope of the product's services over this database, for use cases that take several.</summary>
    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public CoolifyDbContext CreateContext() => _services.GetRequiredService<IDbContextFactory<CoolifyDbContext>>().CreateDbContext();

    /// <summary>Simulates a restart of the host: new container, same data directory and database.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = BuildServices(Settings, DataDirectory);
    }

    /// <summary>A second host over the same database but with another data directory (another key ring).</summary>
    public ServiceProvider CreateServicesWithForeignKeyRing() =>
        BuildServices(Settings, Directory.CreateTempSubdirectory("coolify-test-foreign-").FullName);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (PostgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    private static ServiceProvider BuildServices(DatabaseSettings settings, string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoolifyPersistence(settings, dataDirectory);
        services.AddCoolifyCore();
        services.AddCoolifyIdentity();
        services.AddCoolifyServerAccess();
        return services.BuildServiceProvider();
    }

    private static string PostgresAdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        // scripts/test.sh always provides PostgreSQL and sets COOLIFY_TEST_STRICT: there a missing server is a failure, not a skip.
        if (Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1")
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through scripts/test.sh.");
        }

        Assert.Skip($"PostgreSQL is not configured ({PostgresVariable}); scripts/test.sh starts one.");
        return string.Empty;
    }
}
