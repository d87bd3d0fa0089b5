namespace Coolify.Core.Databases;

/// <summary>PostgreSQL with the official image's environment contract (<c>POSTGRES_*</c>, <c>/docker-entrypoint-initdb.d</c>).</summary>
public sealed class PostgresEngine : DatabaseEngine
{
    public const string ConfigPath = "/etc/postgresql/postgresql.conf";
    public const string InitFolder = "/docker-entrypoint-initdb.d";

    public override string Name => "postgresql";

    public override string DefaultImage => "postgres:16-alpine";

    public override int InternalPort => 5432;

    public override string DefaultUser => "postgres";

    public override string DefaultDatabaseName => "postgres";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = new Dictionary<string, DatabaseField>
    {
        ["postgres_user"] = DatabaseField.User, ["postgres_password"] = DatabaseField.Password, ["postgres_db"] = DatabaseField.DatabaseName,
        ["postgres_initdb_args"] = DatabaseField.PostgresInitdbArgs, ["postgres_host_auth_method"] = DatabaseField.PostgresHostAuthMethod,
        ["postgres_conf"] = DatabaseField.Configuration,
    };

    // PostgreSQL 18's images keep their data one level up (Coolify follows the same rule).
    public override IReadOnlyList<(string, string)> Volumes(StandaloneDatabase database) =>
        [($"postgres-data-{database.Uuid}", MajorVersion(database.Image) >= 18 ? "/var/lib/postgresql" : "/var/lib/postgresql/data")];

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database)
    {
        var environment = new Dictionary<string, string>
        {
            ["POSTGRES_USER"] = database.User!, ["PGUSER"] = database.User!, ["POSTGRES_PASSWORD"] = database.Password!, ["POSTGRES_DB"] = database.DatabaseName!,
        };
        if (!string.IsNullOrWhiteSpace(database.PostgresInitdbArgs))
        {
            environment["POSTGRES_INITDB_ARGS"] = database.PostgresInitdbArgs;
        }

        if (!string.IsNullOrWhiteSpace(database.PostgresHostAuthMethod))
        {
            environment["POSTGRES_HOST_AUTH_METHOD"] = database.PostgresHostAuthMethod;
        }

        return environment;
    }

    public override IReadOnlyList<string>? Command(StandaloneDatabase database) =>
        string.IsNullOrWhiteSpace(database.Configuration) ? null : ["postgres", "-c", "config_file=" + ConfigPath];

    // pg_isready needs no password; on 127.0.0.1 it answers only once the real server listens (not the init one).
    public override IReadOnlyList<string> HealthCheck(StandaloneDatabase database) =>
        ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", database.User!, "-d", database.DatabaseName!];

    public override IEnumerable<(string, string)> Files(StandaloneDatabase database)
    {
        if (!string.IsNullOrWhiteSpace(database.Configuration))
        {
            // A configuration without listen_addresses would listen on localhost only: nothing could connect.
            var text = database.Configuration.Contains("listen_addresses", StringComparison.Ordinal)
                ? database.Configuration : database.Configuration.TrimEnd() + "\nlisten_addresses = '*'\n";
            yield return (ConfigPath, text);
        }

        foreach (var script in DatabaseInitScripts.Read(database.InitScripts))
        {
            yield return ($"{InitFolder}/{script.Filename}", script.Content);
        }
    }

    public override string Url(StandaloneDatabase database, string host, int port) =>
        $"postgres://{Escape(database.User)}:{Escape(database.Password)}@{host}:{port}/{database.DatabaseName}";
}

/// <summary>MySQL with the official image's contract (<c>MYSQL_*</c>); a custom file goes to <c>conf.d</c>.</summary>
public class MysqlEngine : DatabaseEngine
{
    public const string ConfigPath = "/etc/mysql/conf.d/custom-config.cnf";

    public override string Name => "mysql";

    public override string DefaultImage => "mysql:8";

    public override int InternalPort => 3306;

    public override string DefaultUser => "mysql";

    public override string DefaultDatabaseName => "default";

    public override bool HasRootPassword => true;

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = FieldsFor("mysql");

    protected virtual string Prefix => "MYSQL";

    protected virtual string AdminProgram => "mysqladmin";

    public override IReadOnlyList<(string, string)> Volumes(StandaloneDatabase database) => [($"{Name}-data-{database.Uuid}", "/var/lib/mysql")];

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database) => new Dictionary<string, string>
    {
        [$"{Prefix}_ROOT_PASSWORD"] = database.RootPassword!, [$"{Prefix}_DATABASE"] = database.DatabaseName!,
        [$"{Prefix}_USER"] = database.User!, [$"{Prefix}_PASSWORD"] = database.Password!,
    };

    // "ping" answers whether the server runs, access denied or not: no password on any command line.
    public override IReadOnlyList<string> HealthCheck(StandaloneDatabase database) => ["CMD", AdminProgram, "ping", "-h", "127.0.0.1", "--silent"];

    public override IEnumerable<(string, string)> Files(StandaloneDatabase database) =>
        string.IsNullOrWhiteSpace(database.Configuration) ? [] : [(ConfigPath, database.Configuration)];

    public override string Url(StandaloneDatabase database, string host, int port) =>
        $"mysql://{Escape(database.User)}:{Escape(database.Password)}@{host}:{port}/{database.DatabaseName}";

    protected static Dictionary<string, DatabaseField> FieldsFor(string prefix) => new()
    {
        [$"{prefix}_root_password"] = DatabaseField.RootPassword, [$"{prefix}_user"] = DatabaseField.User, [$"{prefix}_password"] = DatabaseField.Password,
        [$"{prefix}_database"] = DatabaseField.DatabaseName, [$"{prefix}_conf"] = DatabaseField.Configuration,
    };
}

/// <summary>MariaDB: MySQL's shape with <c>MARIADB_*</c> and its own tools.</summary>
public sealed class MariadbEngine : MysqlEngine
{
    public override string Name => "mariadb";

    public override string DefaultImage => "mariadb:11";

    public override string DefaultUser => "mariadb";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = FieldsFor("mariadb");

    protected override string Prefix => "MARIADB";

    protected override string AdminProgram => "mariadb-admin";
}

/// <summary>ClickHouse with the official image's contract (<c>CLICKHOUSE_USER</c>, <c>_PASSWORD</c>, <c>_DB</c>).</summary>
public sealed class ClickhouseEngine : DatabaseEngine
{
    public override string Name => "clickhouse";

    public override string DefaultImage => "clickhouse/clickhouse-server:25.11";

    public override int InternalPort => 9000;

    public override string DefaultUser => "default";

    public override string DefaultDatabaseName => "default";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = new Dictionary<string, DatabaseField>
    {
        ["clickhouse_admin_user"] = DatabaseField.User, ["clickhouse_admin_password"] = DatabaseField.Password,
    };

    public override IReadOnlyList<(string, string)> Volumes(StandaloneDatabase database) => [($"clickhouse-data-{database.Uuid}", "/var/lib/clickhouse")];

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database) => new Dictionary<string, string>
    {
        ["CLICKHOUSE_USER"] = database.User!, ["CLICKHOUSE_PASSWORD"] = database.Password!, ["CLICKHOUSE_DB"] = database.DatabaseName!,
    };

    // The HTTP interface's /ping needs no credentials.
    public override IReadOnlyList<string> HealthCheck(StandaloneDatabase database) => ["CMD", "wget", "-q", "-O", "-", "http://127.0.0.1:8123/ping"];

    public override string Url(StandaloneDatabase database, string host, int port) =>
        $"clickhouse://{Escape(database.User)}:{Escape(database.Password)}@{host}:{port}/{database.DatabaseName}";
}
