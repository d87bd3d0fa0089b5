using System.Runtime.CompilerServices;
using Coolify.Core.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Coolify.Infrastructure.Persistence;

/// <summary>Which database the product uses: embedded SQLite in the data directory unless a URL names PostgreSQL.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteFileName = "coolify.db";

    /// <summary>
    /// Resolves <c>COOLIFY_DATABASE_URL</c>: empty means SQLite under <paramref name="dataDirectory"/>;
    /// <c>postgres://user:pass@host:port/db</c> or an Npgsql <c>Host=...;</c> string means PostgreSQL.
    /// </summary>
    /// <exception cref="ConfigurationException">The URL is malformed.</exception>
    public static DatabaseSettings Resolve(string? databaseUrl, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(databaseUrl))
        {
            var sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, SqliteFileName),
                DefaultTimeout = 30,
            };
            return new DatabaseSettings(DatabaseProvider.Sqlite, sqlite.ConnectionString);
        }

        return ResolvePostgres(databaseUrl.Trim());
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // keeps Npgsql unloaded on SQLite installs
    private static DatabaseSettings ResolvePostgres(string value) =>
        value.Contains("://", StringComparison.Ordinal)
            ? new DatabaseSettings(DatabaseProvider.Postgres, PostgresUrl.ToConnectionString(value))
            : new DatabaseSettings(DatabaseProvider.Postgres, ValidateKeywordForm(value));

    /// <summary>Where the database is, for messages: never includes the password.</summary>
    public string Describe()
    {
        if (Provider is DatabaseProvider.Sqlite)
        {
            return $"SQLite at {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        return DescribePostgres(ConnectionString);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // keeps Npgsql unloaded on SQLite installs
    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string ValidateKeywordForm(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"COOLIFY_DATABASE_URL is not a valid PostgreSQL URL or connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ConfigurationException("COOLIFY_DATABASE_URL has no Host: use postgres://user:pass@host:port/db or Host=...;Database=...");
        }

        return builder.ConnectionString;
    }
}
