using Coolify.Core.Services.Compose;

namespace Coolify.Core.Services;

/// <summary>
/// Whether a compose service is a database, as Coolify decides it: its image's base name is a known database image,
/// unless what surrounds it says it is an application built on one (an HTTP health check, an application's
/// variables with a database dependency, ...).
/// </summary>
public static class ServiceDatabaseImages
{
    private static readonly Dictionary<string, string?> Engines = new(StringComparer.OrdinalIgnoreCase)
    {
        ["postgres"] = "postgresql", ["postgresql"] = "postgresql", ["pgvector"] = "postgresql", ["postgis"] = "postgresql",
        ["timescaledb"] = "postgresql", ["timescaledb-ha"] = "postgresql", ["mysql"] = "mysql", ["mysql-server"] = "mysql",
        ["mariadb"] = "mariadb", ["mongo"] = "mongodb", ["mongodb"] = "mongodb", ["redis"] = "redis", ["keydb"] = "keydb",
        ["dragonfly"] = "dragonfly", ["clickhouse-server"] = "clickhouse", ["memcached"] = null, ["couchdb"] = null, ["neo4j"] = null,
        ["influxdb"] = null,
    };

    private static readonly string[] ApplicationImages = ["supertokens", "metabase", "superset", "nocodb", "umami", "infisical", "postgrest", "postgres-meta", "uptime_redis"];

    private static readonly string[] HttpHealthChecks = ["CURL", "WGET", "HTTP://", "HTTPS://", "/HEALTH", "/API/", "/HELLO"];

    private static readonly string[] DatabaseHealthChecks = ["PG_ISREADY", "MYSQLADMIN", "MARIADB-ADMIN", "MONGO", "REDIS-CLI"];

    /// <summary>The engine (<see cref="Databases.DatabaseEngine.Name"/>) when the service is a database: null for an application, "" for a database of an engine we do not back up.</summary>
    public static string? EngineOf(ComposeMap service)
    {
        var image = service.Text("image") ?? string.Empty;
        var baseName = BaseName(image);
        if (!Engines.TryGetValue(baseName, out var engine) || ApplicationImages.Any(a => image.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var environment = ComposeValues.Environment(service["environment"]) ?? [];
        var values = string.Join('\n', environment.Select(e => $"{e.Key}={e.Value}"));
        var dependencies = service["depends_on"] switch
        {
            ComposeMap map => map.Keys.ToList(),
            var other => ComposeValues.Strings(other).ToList(),
        };
        var dependsOnDatabase = dependencies.Any(d => new[] { "mysql", "postgres", "mongo", "redis", "mariadb" }.Any(n => d.Contains(n, StringComparison.OrdinalIgnoreCase)));
        if (dependsOnDatabase && new[] { "SERVICE_FQDN", "SERVICE_URL", "API_KEYS", "APP_", "APPLICATION_" }.Any(v => values.Contains(v, StringComparison.Ordinal)))
        {
            return null;
        }

        var check = string.Join(' ', ComposeValues.Strings((service["healthcheck"] as ComposeMap)?["test"])).ToUpperInvariant();
        if (HttpHealthChecks.Any(check.Contains) && !DatabaseHealthChecks.Any(check.Contains))
        {
            return null;
        }

        return engine ?? string.Empty;
    }

    /// <summary><c>ghcr.io/org/postgres:16-alpine</c> → <c>postgres</c>.</summary>
    public static string BaseName(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var last = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
        return last.Split(':')[0];
    }
}
