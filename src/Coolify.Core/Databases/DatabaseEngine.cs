using System.Text.RegularExpressions;

namespace Coolify.Core.Databases;

/// <summary>Which of a database's fields an engine-specific API field is (<c>postgres_user</c> is <see cref="User"/>).</summary>
public enum DatabaseField
{
    User,
    Password,
    RootPassword,
    DatabaseName,
    Configuration,
    PostgresInitdbArgs,
    PostgresHostAuthMethod,
}

/// <summary>
/// What one engine needs to run as Coolify runs it: image, data volumes, environment, command, an exec-form health
/// check (never a shell string: GHSA-gvc4-f276-r88p), files put in the container, and its connection URL. Values
/// from users reach the container only as environment values, list-form arguments or file contents — never a shell.
/// </summary>
public abstract partial class DatabaseEngine
{
    public static readonly IReadOnlyList<DatabaseEngine> All =
    [
        new PostgresEngine(), new MysqlEngine(), new MariadbEngine(), new MongoEngine(),
        new RedisEngine(), new KeydbEngine(), new DragonflyEngine(), new ClickhouseEngine(),
    ];

    /// <summary>The engine's word in routes and in <see cref="StandaloneDatabase.Engine"/>: <c>postgresql</c>, ...</summary>
    public abstract string Name { get; }

    /// <summary>Coolify's <c>database_type</c>: <c>standalone-postgresql</c>, ...</summary>
    public string Type => "standalone-" + Name;

    public abstract string DefaultImage { get; }

    public abstract int InternalPort { get; }

    /// <summary>The API's names for this engine's fields (Coolify's), and which field each one is.</summary>
    public abstract IReadOnlyDictionary<string, DatabaseField> Fields { get; }

    public virtual string? DefaultUser => null;

    public virtual string? DefaultDatabaseName => null;

    /// <summary>The engine keeps a root password apart from the user's (MySQL, MariaDB).</summary>
    public virtual bool HasRootPassword => false;

    public static DatabaseEngine? Find(string? name) => All.FirstOrDefault(e => e.Name == name);

    public static DatabaseEngine Of(StandaloneDatabase database) => Find(database.Engine) ?? throw new InvalidOperationException($"Unknown engine '{database.Engine}'.");

    /// <summary>Named volumes and where they are mounted; the names carry the uuid, as Coolify's.</summary>
    public abstract IReadOnlyList<(string Name, string MountPath)> Volumes(StandaloneDatabase database);

    public abstract IReadOnlyDictionary<string, string> Environment(StandaloneDatabase database);

    /// <summary>The container's command, each element one argument; null keeps the image's own.</summary>
    public virtual IReadOnlyList<string>? Command(StandaloneDatabase database) => null;

    /// <summary>Docker's exec-form test (<c>["CMD", program, args...]</c>): no shell parses it.</summary>
    public abstract IReadOnlyList<string> HealthCheck(StandaloneDatabase database);

    /// <summary>Files the container gets before it starts (configuration, init scripts): absolute path and content.</summary>
    public virtual IEnumerable<(string Path, string Content)> Files(StandaloneDatabase database) => [];

    /// <summary>The connection URL for <paramref name="host"/>:<paramref name="port"/> (the container name inside the network, or the server outside).</summary>
    public abstract string Url(StandaloneDatabase database, string host, int port);

    protected static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    /// <summary>The image's major version from its tag (<c>postgres:17-alpine</c> → 17), or null (<c>latest</c>, no tag).</summary>
    protected static int? MajorVersion(string image)
    {
        var match = TagVersion().Match(image);
        return match.Success && int.TryParse(match.Groups[1].Value, out var major) ? major : null;
    }

    [GeneratedRegex(@":(?:pg)?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex TagVersion();
}
