using System.Globalization;
using YamlDotNet.Serialization;

namespace Coolify.Core.Databases;

/// <summary>
/// A database as a Docker Compose project of one service (Coolify runs its databases the same way): the health
/// check in exec form, which <c>docker run --health-cmd</c> cannot express, and the file given to Compose on its
/// standard input — so the environment's secrets are neither on a command line nor on the server's disk. Format
/// 2.4, which both Compose v2 and Debian's docker-compose 1.29 read.
/// </summary>
public static class DatabaseCompose
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    /// <param name="network">The destination's Docker network (it exists: destinations make theirs).</param>
    /// <param name="custom">The user's own variables and volumes; none when not given.</param>
    public static string Render(StandaloneDatabase database, string network, DatabaseCustomizations? custom = null)
    {
        custom ??= DatabaseCustomizations.None;
        var engine = DatabaseEngine.Of(database);
        var service = new Dictionary<string, object>
        {
            ["image"] = database.Image,
            ["container_name"] = database.Uuid,
            ["restart"] = "unless-stopped",
            ["networks"] = new[] { network },
            ["labels"] = new Dictionary<string, string>
            {
                ["coolify.managed"] = "true", ["coolify.type"] = "database", ["coolify.resource"] = database.Uuid, ["coolify.database.subType"] = engine.Type,
            },
            ["environment"] = Environment(engine.Environment(database), custom),
            ["volumes"] = engine.Volumes(database).Select(v => $"{v.Name}:{v.MountPath}").Concat(custom.Mounts()).ToArray(),
        };
        if (engine.Command(database) is { } command)
        {
            service["command"] = command.ToArray();
        }

        if (database.HealthCheckEnabled)
        {
            service["healthcheck"] = new Dictionary<string, object>
            {
                ["test"] = engine.HealthCheck(database).ToArray(),
                ["interval"] = $"{database.HealthCheckInterval}s",
                ["timeout"] = $"{database.HealthCheckTimeout}s",
                ["retries"] = database.HealthCheckRetries,
                ["start_period"] = $"{database.HealthCheckStartPeriod}s",
            };
        }

        if (database is { IsPublic: true, PublicPort: { } port })
        {
            service["ports"] = new[] { $"{port}:{engine.InternalPort}" };
        }

        // No nofile ulimit for ClickHouse (Coolify sets 262144): the server raises its soft limit to the hard one
        // itself, Docker's default hard limit is higher, and a fixed one above the daemon's own stops the container
        // from starting at all ("error setting rlimit type 7").
        AddLimits(service, database);

        var document = new Dictionary<string, object>
        {
            ["version"] = "2.4",
            ["services"] = new Dictionary<string, object> { [database.Uuid] = service },
            ["networks"] = new Dictionary<string, object> { [network] = new Dictionary<string, object> { ["external"] = true } },
            ["volumes"] = engine.Volumes(database).Select(v => v.Name).Concat(custom.NamedVolumes()).Distinct(StringComparer.Ordinal)
                .ToDictionary(name => name, name => (object)new Dictionary<string, string> { ["name"] = name }),
        };
        return Yaml.Serialize(EscapeInterpolation(document));
    }

    // The engine's variables (passwords, the database's name) win over a user's of the same name: a user's variable
    // never silently changes the credentials the API shows. Keys that are not names (checked when entered) are left out.
    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> engine, DatabaseCustomizations custom)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in custom.Environment.Where(e => Applications.EnvironmentVariables.IsValidKey(e.Key)))
        {
            environment[key] = value;
        }

        foreach (var (key, value) in engine)
        {
            environment[key] = value;
        }

        return environment;
    }

    // Compose reads "0" as "no limit"; the fields were checked when entered (a number, a size like 512m).
    private static void AddLimits(Dictionary<string, object> service, StandaloneDatabase database)
    {
        if (database.LimitsMemory != "0")
        {
            service["mem_limit"] = database.LimitsMemory;
        }

        if (database.LimitsMemorySwap != "0")
        {
            service["memswap_limit"] = database.LimitsMemorySwap;
        }

        if (database.LimitsMemoryReservation != "0")
        {
            service["mem_reservation"] = database.LimitsMemoryReservation;
        }

        if (database.LimitsCpus != "0")
        {
            service["cpus"] = double.Parse(database.LimitsCpus, CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(database.LimitsCpuset))
        {
            service["cpuset"] = database.LimitsCpuset;
        }

        service["mem_swappiness"] = database.LimitsMemorySwappiness;
        service["cpu_shares"] = database.LimitsCpuShares;
    }

    // Compose replaces $NAME and ${NAME} in every value: a '$' in a password must reach the container as itself.
    private static object EscapeInterpolation(object value) => value switch
    {
        string text => text.Replace("$", "$$", StringComparison.Ordinal),
        string[] list => list.Select(s => s.Replace("$", "$$", StringComparison.Ordinal)).ToArray(),
        Dictionary<string, string> map => map.ToDictionary(e => e.Key, e => e.Value.Replace("$", "$$", StringComparison.Ordinal)),
        Dictionary<string, object> map => map.ToDictionary(e => e.Key, e => EscapeInterpolation(e.Value)),
        _ => value,
    };
}
