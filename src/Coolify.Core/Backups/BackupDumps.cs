using Coolify.Core.Commands;
using Coolify.Core.Databases;

namespace Coolify.Core.Backups;

/// <summary>
/// How each engine is dumped: a program run inside the database's container, its output streamed to a file on the
/// server (compressed where the format is not already). Names reach the program as arguments; passwords come from
/// the container's own environment, read by a fixed shell line there — never from a command line.
/// </summary>
public static class BackupDumps
{
    public static bool Supports(DatabaseEngine engine) => engine is PostgresEngine or MysqlEngine or RedisEngine or MongoEngine or ClickhouseEngine;

    /// <summary>The file's name for one run (<paramref name="databaseName"/> null: every database, or the key-value store).</summary>
    public static string FileName(DatabaseEngine engine, string? databaseName, DateTime at)
    {
        var stamp = new DateTimeOffset(at).ToUnixTimeSeconds();
        return engine switch
        {
            PostgresEngine when databaseName is null => $"pg-dump-all-{stamp}.sql.gz",
            PostgresEngine => $"pg-dump-{databaseName}-{stamp}.dmp",
            MysqlEngine => $"{engine.Name}-dump-{databaseName ?? "all"}-{stamp}.sql.gz",
            MongoEngine => $"mongo-dump-{databaseName ?? "all"}-{stamp}.tar.gz", // Coolify's name (a gzipped mongodump archive)
            ClickhouseEngine => ClickhouseDumps.FileName(databaseName, stamp),
            _ => $"{engine.Name}-dump-{stamp}.rdb.gz",
        };
    }

    /// <summary>The command that writes the dump of <paramref name="databaseName"/> (null: all) to <paramref name="path"/> on the server.</summary>
    public static ShellCommand Command(StandaloneDatabase database, string? databaseName, string path)
    {
        var engine = DatabaseEngine.Of(database);
        ShellCommand Exec(params string[] command) => ShellCommand.Of("docker", ["exec", "--", database.Uuid, .. command]);
        var gzip = ShellCommand.Of("gzip", "-c");
        return engine switch
        {
            // Custom format is compressed already, and is what pg_restore reads back.
            PostgresEngine when databaseName is null => Exec("pg_dumpall", "--username", database.User!).Pipe(gzip).WriteOutputTo(path),
            PostgresEngine => Exec("pg_dump", "--format=custom", "--no-acl", "--no-owner", "--username", database.User!, "--dbname", databaseName).WriteOutputTo(path),
            MysqlEngine mysql => Exec("sh", "-c", MysqlDump(mysql, all: databaseName is null), "sh", databaseName ?? string.Empty).Pipe(gzip).WriteOutputTo(path),
            MongoEngine => ScriptedDumps.MongoDump(database, databaseName, path),
            DragonflyEngine => ScriptedDumps.DragonflyDump(database, path),
            ClickhouseEngine => ClickhouseDumps.Command(database, databaseName, path),
            // An RDB snapshot taken by the server itself and sent over its protocol (REDISCLI_AUTH is in the container).
            _ => Exec(engine is KeydbEngine ? "keydb-cli" : "redis-cli", "--rdb", "-").Pipe(gzip).WriteOutputTo(path),
        };
    }

    // A fixed line: the password from the container's environment into MYSQL_PWD (read by the client, shown nowhere),
    // the database name as the first argument.
    private static string MysqlDump(MysqlEngine engine, bool all)
    {
        var (program, variable) = engine is MariadbEngine ? ("mariadb-dump", "MARIADB_ROOT_PASSWORD") : ("mysqldump", "MYSQL_ROOT_PASSWORD");
        // One database without --databases: no CREATE DATABASE or USE in it, so a restore goes where the user says.
        var target = all ? "--all-databases" : "\"$1\"";
        return $"MYSQL_PWD=\"${variable}\" exec {program} -uroot --single-transaction --quick --routines {target}";
    }

    /// <summary>
    /// Whether a backup of this engine and kind can be restored here: one database's dump of PostgreSQL, MySQL, MariaDB,
    /// MongoDB or ClickHouse, or a Redis or KeyDB snapshot (the whole store).
    /// </summary>
    public static bool CanRestore(DatabaseEngine engine, string? databaseName) =>
        (engine is PostgresEngine or MysqlEngine or MongoEngine or ClickhouseEngine && databaseName is not (null or "all")) || engine is RedisEngine and not DragonflyEngine;

    /// <summary>
    /// The command that restores the server's file <paramref name="path"/> into <paramref name="targetDatabase"/> —
    /// the database the user picked, never one named inside the dump (it names none: see <see cref="Command"/>).
    /// </summary>
    /// <param name="sourceDatabase">The backup's own database (MongoDB's archive names it; the others' dumps do not).</param>
    public static ShellCommand RestoreCommand(StandaloneDatabase database, string targetDatabase, string path, string? sourceDatabase = null)
    {
        var engine = DatabaseEngine.Of(database);
        ShellCommand Exec(params string[] command) => ShellCommand.Of("docker", ["exec", "-i", "--", database.Uuid, .. command]);
        return engine switch
        {
            PostgresEngine => Exec("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "--exit-on-error", "--username", database.User!, "--dbname", targetDatabase)
                .ReadInputFrom(path),
            MysqlEngine mysql => ShellCommand.Of("gunzip", "-c", "--", path).Pipe(Exec("sh", "-c", MysqlClient(mysql), "sh", targetDatabase)),
            MongoEngine => ScriptedDumps.MongoRestore(database, sourceDatabase ?? targetDatabase, targetDatabase, path),
            ClickhouseEngine => ClickhouseDumps.RestoreCommand(database, targetDatabase, path),
            RedisEngine and not DragonflyEngine => ScriptedDumps.RedisRestore(database, path),
            _ => throw new InvalidOperationException($"{engine.Name} backups are not restored here."),
        };
    }

    private static string MysqlClient(MysqlEngine engine, string options = "")
    {
        var (program, variable) = engine is MariadbEngine ? ("mariadb", "MARIADB_ROOT_PASSWORD") : ("mysql", "MYSQL_ROOT_PASSWORD");
        return $"MYSQL_PWD=\"${variable}\" exec {program} -uroot {options} \"$1\"";
    }

    /// <summary>
    /// The command that feeds an SQL script (an uploaded one, read by <see cref="DumpScanner"/> first) on the server at
    /// <paramref name="path"/> to the engine's client, connected to <paramref name="targetDatabase"/>; PostgreSQL's in
    /// one transaction, stopping at the first error, so a failed restore leaves the database as it was.
    /// </summary>
    public static ShellCommand SqlRestoreCommand(StandaloneDatabase database, string targetDatabase, string path, bool gzipped)
    {
        var engine = DatabaseEngine.Of(database);
        ShellCommand Exec(params string[] command) => ShellCommand.Of("docker", ["exec", "-i", "--", database.Uuid, .. command]);
        var client = engine switch
        {
            PostgresEngine => Exec("psql", "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--username", database.User!, "--dbname", targetDatabase),
            // --binary-mode: the client runs no command of its own (\!, system, source, ...) whatever the scanner missed.
            MysqlEngine mysql => Exec("sh", "-c", MysqlClient(mysql, "--binary-mode"), "sh", targetDatabase),
            _ => throw new InvalidOperationException($"{engine.Name} scripts are not restored here."),
        };
        return gzipped ? ShellCommand.Of("gunzip", "-c", "--", path).Pipe(client) : client.ReadInputFrom(path);
    }
}
