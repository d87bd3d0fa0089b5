using System.Text;

namespace Coolify.Core.Databases;

/// <summary>
/// Redis and its kin. The password goes into a configuration file the container gets (never a command line, which
/// any user of the host sees in <c>ps</c>), and into <c>REDISCLI_AUTH</c> so the health check and <c>redis-cli</c>
/// in the container authenticate without it on theirs.
/// </summary>
public class RedisEngine : DatabaseEngine
{
    public override string Name => "redis";

    public override string DefaultImage => "redis:7.2";

    public override int InternalPort => 6379;

    public override string DefaultUser => "default";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } =
        new Dictionary<string, DatabaseField> { ["redis_password"] = DatabaseField.Password, ["redis_conf"] = DatabaseField.Configuration };

    protected virtual string Server => "redis-server";

    protected virtual string Cli => "redis-cli";

    protected virtual string ConfigPath => "/usr/local/etc/redis/redis.conf";

    public override IReadOnlyList<(string, string)> Volumes(StandaloneDatabase database) => [($"{Name}-data-{database.Uuid}", "/data")];

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database) =>
        new Dictionary<string, string> { ["REDIS_PASSWORD"] = database.Password!, ["REDISCLI_AUTH"] = database.Password! };

    public override IReadOnlyList<string>? Command(StandaloneDatabase database) => [Server, ConfigPath];

    public override IReadOnlyList<string> HealthCheck(StandaloneDatabase database) => ["CMD", Cli, "ping"];

    /// <summary>Ours first (data in /data, append-only, the password), then the user's lines, which win where they repeat a directive.</summary>
    public override IEnumerable<(string, string)> Files(StandaloneDatabase database)
    {
        var text = new StringBuilder("dir /data\nappendonly yes\n");
        text.Append("requirepass ").Append(Quote(database.Password!)).Append('\n');
        if (!string.IsNullOrWhiteSpace(database.Configuration))
        {
            text.Append(database.Configuration.TrimEnd()).Append('\n');
        }

        yield return (ConfigPath, text.ToString());
    }

    // Redis 6 and later name the user (Coolify's rule: from the image tag; "latest" or no tag does not).
    public override string Url(StandaloneDatabase database, string host, int port) =>
        MajorVersion(database.Image) >= 6
            ? $"redis://{Escape(database.User ?? "default")}:{Escape(database.Password)}@{host}:{port}/0"
            : $"redis://:{Escape(database.Password)}@{host}:{port}/0";

    /// <summary>A value in Redis's configuration syntax: double-quoted, with <c>\</c> and <c>"</c> escaped (passwords are printable ASCII).</summary>
    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>KeyDB: Redis's protocol and configuration, its own programs.</summary>
public sealed class KeydbEngine : RedisEngine
{
    public override string Name => "keydb";

    public override string DefaultImage => "eqalpha/keydb:latest";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } =
        new Dictionary<string, DatabaseField> { ["keydb_password"] = DatabaseField.Password, ["keydb_conf"] = DatabaseField.Configuration };

    protected override string Server => "keydb-server";

    protected override string Cli => "keydb-cli";

    protected override string ConfigPath => "/etc/keydb/keydb.conf";

    public override string Url(StandaloneDatabase database, string host, int port) => $"redis://:{Escape(database.Password)}@{host}:{port}/0";
}

/// <summary>
/// Dragonfly: Redis's protocol; its flags can come from the environment (<c>DFLY_&lt;flag&gt;</c>), so the password
/// needs neither a file nor a command line. No configuration file (as in Coolify).
/// </summary>
public sealed class DragonflyEngine : RedisEngine
{
    public override string Name => "dragonfly";

    public override string DefaultImage => "docker.dragonflydb.io/dragonflydb/dragonfly";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = new Dictionary<string, DatabaseField> { ["dragonfly_password"] = DatabaseField.Password };

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database) => new Dictionary<string, string>
    {
        ["REDIS_PASSWORD"] = database.Password!, ["REDISCLI_AUTH"] = database.Password!, ["DFLY_requirepass"] = database.Password!,
    };

    public override IReadOnlyList<string>? Command(StandaloneDatabase database) => null;

    public override IEnumerable<(string, string)> Files(StandaloneDatabase database) => [];

    public override string Url(StandaloneDatabase database, string host, int port) => $"redis://:{Escape(database.Password)}@{host}:{port}/0";
}

/// <summary>MongoDB with the official image's contract (<c>MONGO_INITDB_*</c>).</summary>
public sealed class MongoEngine : DatabaseEngine
{
    public const string ConfigPath = "/etc/mongo/mongod.conf";

    public override string Name => "mongodb";

    public override string DefaultImage => "mongo:7";

    public override int InternalPort => 27017;

    public override string DefaultUser => "root";

    public override string DefaultDatabaseName => "default";

    public override IReadOnlyDictionary<string, DatabaseField> Fields { get; } = new Dictionary<string, DatabaseField>
    {
        ["mongo_initdb_root_username"] = DatabaseField.User, ["mongo_initdb_root_password"] = DatabaseField.Password,
        ["mongo_initdb_database"] = DatabaseField.DatabaseName, ["mongo_conf"] = DatabaseField.Configuration,
    };

    public override IReadOnlyList<(string, string)> Volumes(StandaloneDatabase database) =>
        [($"mongodb-configdb-{database.Uuid}", "/data/configdb"), ($"mongodb-db-{database.Uuid}", "/data/db")];

    public override IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database) => new Dictionary<string, string>
    {
        ["MONGO_INITDB_ROOT_USERNAME"] = database.User!, ["MONGO_INITDB_ROOT_PASSWORD"] = database.Password!, ["MONGO_INITDB_DATABASE"] = database.DatabaseName!,
    };

    public override IReadOnlyList<string>? Command(StandaloneDatabase database) =>
        string.IsNullOrWhiteSpace(database.Configuration) ? null : ["mongod", "--config", ConfigPath];

    // "ping" needs no authentication (Coolify's check is "echo ok", which says nothing).
    public override IReadOnlyList<string> HealthCheck(StandaloneDatabase database) => ["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"];

    public override IEnumerable<(string, string)> Files(StandaloneDatabase database) =>
        string.IsNullOrWhiteSpace(database.Configuration) ? [] : [(ConfigPath, database.Configuration)];

    public override string Url(StandaloneDatabase database, string host, int port) =>
        $"mongodb://{Escape(database.User)}:{Escape(database.Password)}@{host}:{port}/?directConnection=true";
}
