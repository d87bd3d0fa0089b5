using System.Text.Json.Serialization;
using Coolify.Core.Databases;
using Coolify.Core.Projects;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's database create and update bodies: the common fields and every engine's own (Coolify's names); a
/// field of another engine is refused, as Coolify does. <c>*_conf</c> is base64 (plain text is taken too).
/// </summary>
public sealed record DatabaseRequest
{
    public string? ServerUuid { get; init; }

    public string? ProjectUuid { get; init; }

    public string? EnvironmentName { get; init; }

    public string? EnvironmentUuid { get; init; }

    public string? DestinationUuid { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Image { get; init; }

    public bool? IsPublic { get; init; }

    public int? PublicPort { get; init; }

    public int? PublicPortTimeout { get; init; }

    public string? LimitsMemory { get; init; }

    public string? LimitsMemorySwap { get; init; }

    public int? LimitsMemorySwappiness { get; init; }

    public string? LimitsMemoryReservation { get; init; }

    public string? LimitsCpus { get; init; }

    public string? LimitsCpuset { get; init; }

    public int? LimitsCpuShares { get; init; }

    public bool? InstantDeploy { get; init; }

    public bool? HealthCheckEnabled { get; init; }

    public int? HealthCheckInterval { get; init; }

    public int? HealthCheckTimeout { get; init; }

    public int? HealthCheckRetries { get; init; }

    public int? HealthCheckStartPeriod { get; init; }

    public string? PostgresUser { get; init; }

    public string? PostgresPassword { get; init; }

    public string? PostgresDb { get; init; }

    public string? PostgresInitdbArgs { get; init; }

    public string? PostgresHostAuthMethod { get; init; }

    public string? PostgresConf { get; init; }

    /// <summary>PostgreSQL init scripts: <c>[{"filename": "01-schema.sql", "content": "..."}]</c> (replaces the list).</summary>
    public IReadOnlyList<DatabaseInitScripts.Script>? InitScripts { get; init; }

    public string? MysqlRootPassword { get; init; }

    public string? MysqlUser { get; init; }

    public string? MysqlPassword { get; init; }

    public string? MysqlDatabase { get; init; }

    public string? MysqlConf { get; init; }

    public string? MariadbRootPassword { get; init; }

    public string? MariadbUser { get; init; }

    public string? MariadbPassword { get; init; }

    public string? MariadbDatabase { get; init; }

    public string? MariadbConf { get; init; }

    public string? MongoInitdbRootUsername { get; init; }

    public string? MongoInitdbRootPassword { get; init; }

    public string? MongoInitdbDatabase { get; init; }

    public string? MongoConf { get; init; }

    public string? RedisPassword { get; init; }

    public string? RedisConf { get; init; }

    public string? KeydbPassword { get; init; }

    public string? KeydbConf { get; init; }

    public string? DragonflyPassword { get; init; }

    public string? ClickhouseAdminUser { get; init; }

    public string? ClickhouseAdminPassword { get; init; }

    [JsonIgnore]
    public ResourcePlace Place => new(ProjectUuid, ServerUuid, EnvironmentName, EnvironmentUuid, DestinationUuid);

    /// <summary>Every engine-specific field given, by its API name.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string?> EngineValues => new Dictionary<string, string?>
    {
        ["postgres_user"] = PostgresUser, ["postgres_password"] = PostgresPassword, ["postgres_db"] = PostgresDb,
        ["postgres_initdb_args"] = PostgresInitdbArgs, ["postgres_host_auth_method"] = PostgresHostAuthMethod, ["postgres_conf"] = PostgresConf,
        ["mysql_root_password"] = MysqlRootPassword, ["mysql_user"] = MysqlUser, ["mysql_password"] = MysqlPassword,
        ["mysql_database"] = MysqlDatabase, ["mysql_conf"] = MysqlConf,
        ["mariadb_root_password"] = MariadbRootPassword, ["mariadb_user"] = MariadbUser, ["mariadb_password"] = MariadbPassword,
        ["mariadb_database"] = MariadbDatabase, ["mariadb_conf"] = MariadbConf,
        ["mongo_initdb_root_username"] = MongoInitdbRootUsername, ["mongo_initdb_root_password"] = MongoInitdbRootPassword,
        ["mongo_initdb_database"] = MongoInitdbDatabase, ["mongo_conf"] = MongoConf,
        ["redis_password"] = RedisPassword, ["redis_conf"] = RedisConf, ["keydb_password"] = KeydbPassword, ["keydb_conf"] = KeydbConf,
        ["dragonfly_password"] = DragonflyPassword, ["clickhouse_admin_user"] = ClickhouseAdminUser, ["clickhouse_admin_password"] = ClickhouseAdminPassword,
    }.Where(e => e.Value is not null).ToDictionary();

    /// <summary>The change for <paramref name="engine"/>; another engine's fields are refused (Coolify: "This field is not allowed.").</summary>
    /// <exception cref="Coolify.Core.Common.ValidationException">A field of another engine was given.</exception>
    public DatabaseChange ToChange(DatabaseEngine engine)
    {
        var rules = new Coolify.Core.Common.InputRules();
        var fields = new Dictionary<DatabaseField, string?>();
        foreach (var (name, value) in EngineValues)
        {
            if (engine.Fields.TryGetValue(name, out var field))
            {
                fields[field] = field == DatabaseField.Configuration ? ApiText.Base64OrText(value) : value;
            }
            else
            {
                rules.Add(name, "This field is not allowed.");
            }
        }

        if (InitScripts is not null && engine is not PostgresEngine)
        {
            rules.Add("init_scripts", "This field is not allowed.");
        }

        rules.ThrowIfInvalid();
        return new DatabaseChange
        {
            Name = Name, Description = Description, Image = Image, IsPublic = IsPublic, PublicPort = PublicPort, PublicPortTimeout = PublicPortTimeout,
            LimitsMemory = LimitsMemory, LimitsMemorySwap = LimitsMemorySwap, LimitsMemorySwappiness = LimitsMemorySwappiness,
            LimitsMemoryReservation = LimitsMemoryReservation, LimitsCpus = LimitsCpus, LimitsCpuset = LimitsCpuset, LimitsCpuShares = LimitsCpuShares,
            HealthCheckEnabled = HealthCheckEnabled, HealthCheckInterval = HealthCheckInterval, HealthCheckTimeout = HealthCheckTimeout,
            HealthCheckRetries = HealthCheckRetries, HealthCheckStartPeriod = HealthCheckStartPeriod,
            EngineFields = fields, InitScripts = engine is PostgresEngine ? InitScripts : null,
        };
    }
}
