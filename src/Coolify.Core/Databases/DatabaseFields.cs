using System.Globalization;
using System.Text.RegularExpressions;
using Coolify.Core.Common;

namespace Coolify.Core.Databases;

/// <summary>
/// Applies a <see cref="DatabaseChange"/> to a database, checking every value first. Names of users and databases
/// follow Coolify's identifier rule; passwords may hold any printable character (quotes, <c>$</c>, spaces,
/// <c>;</c>): they reach the container only as environment values or file contents, never through a shell.
/// </summary>
public static partial class DatabaseFields
{
    public const int PasswordMaxLength = 128;
    private const int ConfigurationMaxLength = 100_000;

    public static void Apply(StandaloneDatabase database, DatabaseEngine engine, DatabaseChange change, InputRules rules)
    {
        if (change.Name is not null)
        {
            database.Name = rules.Name("name", change.Name);
        }

        if (change.Description is not null)
        {
            database.Description = rules.Text("description", change.Description);
        }

        if (change.Image is not null)
        {
            database.Image = rules.DockerReference("image", change.Image);
        }

        foreach (var (field, value) in change.EngineFields)
        {
            ApplyEngineField(database, engine, field, value, rules);
        }

        if (change.InitScripts is { } scripts)
        {
            database.InitScripts = CheckedScripts(engine, scripts, rules);
        }

        database.IsPublic = change.IsPublic ?? database.IsPublic;
        if (change.PublicPort is { } port)
        {
            database.PublicPort = rules.Range("public_port", port, 1024, 65535);
        }

        if (change.PublicPortTimeout is { } timeout)
        {
            database.PublicPortTimeout = rules.Range("public_port_timeout", timeout, 1, 86_400);
        }

        if (database is { IsPublic: true, PublicPort: null })
        {
            rules.Add("public_port", "A public database needs a public port (1024–65535).");
        }

        ApplyLimits(database, change, rules);
        database.HealthCheckEnabled = change.HealthCheckEnabled ?? database.HealthCheckEnabled;
        database.HealthCheckInterval = change.HealthCheckInterval is { } interval ? rules.Range("health_check_interval", interval, 1, 3600) : database.HealthCheckInterval;
        database.HealthCheckTimeout = change.HealthCheckTimeout is { } seconds ? rules.Range("health_check_timeout", seconds, 1, 3600) : database.HealthCheckTimeout;
        database.HealthCheckRetries = change.HealthCheckRetries is { } retries ? rules.Range("health_check_retries", retries, 1, 100) : database.HealthCheckRetries;
        database.HealthCheckStartPeriod = change.HealthCheckStartPeriod is { } start ? rules.Range("health_check_start_period", start, 0, 3600) : database.HealthCheckStartPeriod;
    }

    /// <summary>Coolify's rule for user and database names: a letter or <c>_</c>, then letters, digits, <c>_</c>; 63 at most.</summary>
    public static bool IsIdentifier(string? value) => value is not null && Identifier().IsMatch(value);

    /// <summary>Printable ASCII, 1 to 128 characters: anything a client can type and a configuration file can quote.</summary>
    public static bool IsPassword(string? value) => value is { Length: > 0 and <= PasswordMaxLength } && value.All(c => c is >= ' ' and <= '~');

    private static void ApplyEngineField(StandaloneDatabase database, DatabaseEngine engine, DatabaseField field, string? value, InputRules rules)
    {
        var name = engine.Fields.First(f => f.Value == field).Key;
        switch (field)
        {
            case DatabaseField.User or DatabaseField.DatabaseName when !IsIdentifier(value):
                rules.Add(name, "Use a letter or _ first, then letters, digits or _ (63 characters at most).");
                break;
            case DatabaseField.User:
                database.User = value;
                break;
            case DatabaseField.DatabaseName:
                database.DatabaseName = value;
                break;
            case DatabaseField.Password or DatabaseField.RootPassword when !IsPassword(value):
                rules.Add(name, $"A password is 1 to {PasswordMaxLength} printable characters (no line breaks or control characters).");
                break;
            case DatabaseField.Password:
                database.Password = value;
                break;
            case DatabaseField.RootPassword:
                database.RootPassword = value;
                break;
            case DatabaseField.Configuration:
                database.Configuration = string.IsNullOrWhiteSpace(value) ? null : rules.Text(name, value, ConfigurationMaxLength);
                break;
            case DatabaseField.PostgresInitdbArgs when !string.IsNullOrEmpty(value) && !InitdbArgs().IsMatch(value):
                rules.Add(name, "initdb arguments are options like --data-checksums --locale=C.UTF-8 (letters, digits, spaces, = _ . / : -).");
                break;
            case DatabaseField.PostgresInitdbArgs:
                database.PostgresInitdbArgs = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                break;
            case DatabaseField.PostgresHostAuthMethod when !string.IsNullOrEmpty(value) && value is not ("trust" or "reject" or "md5" or "password" or "scram-sha-256"):
                rules.Add(name, "The host auth method is one of scram-sha-256, md5, password, trust, reject.");
                break;
            case DatabaseField.PostgresHostAuthMethod:
                database.PostgresHostAuthMethod = string.IsNullOrWhiteSpace(value) ? null : value;
                break;
        }
    }

    private static string? CheckedScripts(DatabaseEngine engine, IReadOnlyList<DatabaseInitScripts.Script> scripts, InputRules rules)
    {
        if (engine is not PostgresEngine)
        {
            rules.Add("init_scripts", "Init scripts are for PostgreSQL databases.");
            return null;
        }

        foreach (var script in scripts.Where(s => !DatabaseInitScripts.IsFilename(s.Filename)))
        {
            rules.Add("init_scripts", $"'{script.Filename}' is not a script name: letters, digits, . _ -, ending in .sql, .sql.gz or .sh.");
        }

        if (scripts.Select(s => s.Filename).Distinct(StringComparer.Ordinal).Count() != scripts.Count)
        {
            rules.Add("init_scripts", "Two scripts have the same name.");
        }

        return scripts.Count == 0 ? null : DatabaseInitScripts.Write(scripts);
    }

    private static void ApplyLimits(StandaloneDatabase database, DatabaseChange change, InputRules rules)
    {
        database.LimitsMemory = Size(rules, "limits_memory", change.LimitsMemory) ?? database.LimitsMemory;
        database.LimitsMemorySwap = Size(rules, "limits_memory_swap", change.LimitsMemorySwap) ?? database.LimitsMemorySwap;
        database.LimitsMemoryReservation = Size(rules, "limits_memory_reservation", change.LimitsMemoryReservation) ?? database.LimitsMemoryReservation;
        database.LimitsMemorySwappiness = change.LimitsMemorySwappiness is { } swappiness ? rules.Range("limits_memory_swappiness", swappiness, 0, 100) : database.LimitsMemorySwappiness;
        database.LimitsCpuShares = change.LimitsCpuShares is { } shares ? rules.Range("limits_cpu_shares", shares, 0, 262_144) : database.LimitsCpuShares;
        if (change.LimitsCpus is { } cpus)
        {
            if (double.TryParse(cpus, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= 1024)
            {
                database.LimitsCpus = count.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                rules.Add("limits_cpus", "A number of CPUs, like 0.5 or 2 (0: no limit).");
            }
        }

        if (change.LimitsCpuset is { } cpuset)
        {
            if (cpuset.Length == 0 || Cpuset().IsMatch(cpuset))
            {
                database.LimitsCpuset = cpuset.Length == 0 ? null : cpuset;
            }
            else
            {
                rules.Add("limits_cpuset", "CPUs to run on, like 0-3 or 0,2.");
            }
        }
    }

    private static string? Size(InputRules rules, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (MemorySize().IsMatch(value))
        {
            return value.ToLowerInvariant();
        }

        rules.Add(field, "A size like 512m or 2g (0: no limit).");
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}\\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z0-9 =_./:-]{1,1000}$")]
    private static partial Regex InitdbArgs();

    [GeneratedRegex("^[0-9]{1,6}([.][0-9]{1,3})?[bkmgBKMG]?$")]
    private static partial Regex MemorySize();

    [GeneratedRegex("^[0-9]{1,4}([,-][0-9]{1,4}){0,63}$")]
    private static partial Regex Cpuset();
}
