using Coolify.Core.Common;
using Npgsql;

namespace Coolify.Infrastructure.Persistence;

/// <summary>Turns <c>postgres://user:pass@host:port/db?sslmode=require</c> into an Npgsql connection string.</summary>
internal static class PostgresUrl
{
    private const string Expected = "expected postgres://user:password@host:port/database";

    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ConfigurationException($"COOLIFY_DATABASE_URL is not a valid URL ({Expected}).");
        }

        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new ConfigurationException($"COOLIFY_DATABASE_URL has scheme '{uri.Scheme}' ({Expected}); leave it unset for SQLite.");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException($"COOLIFY_DATABASE_URL has no host ({Expected}).");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"COOLIFY_DATABASE_URL has no database name ({Expected}).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        ApplyQuery(builder, uri.Query);
        return builder.ConnectionString;
    }

    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            try
            {
                builder[key] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new ConfigurationException($"COOLIFY_DATABASE_URL has an unsupported option '{key}={value}': {ex.Message}");
            }
        }
    }
}
