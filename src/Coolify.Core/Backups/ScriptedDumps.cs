using Coolify.Core.Commands;
using Coolify.Core.Databases;

namespace Coolify.Core.Backups;

/// <summary>
/// Dumps and restores that take more than one program call inside the container: MongoDB (the password into a private file for
/// <c>mongodump</c>/<c>mongorestore</c>, which take it no other way off the command line) and Dragonfly (a snapshot it
/// writes itself, then streamed out). Each is a fixed shell line; names reach it only as arguments ("$1"), passwords
/// only from the container's own environment.
/// </summary>
public static class ScriptedDumps
{
    // The Database Tools (100.3.0 and later, in the official images since MongoDB 4.4) read the password from a YAML
    // --config file. It is written with umask 077 in a fresh directory removed on exit; the value single-quoted with
    // ' doubled (YAML's rule), through sed's standard input and printf, a shell builtin: on no command line either.
    private const string MongoAuth =
        "set -e; umask 077; dir=$(mktemp -d); trap 'rm -rf \"$dir\"' EXIT; "
        + "printf \"password: '%s'\\n\" \"$(printf '%s' \"$MONGO_INITDB_ROOT_PASSWORD\" | sed \"s/'/''/g\")\" > \"$dir/auth.yaml\"; ";

    // The root user is made in "admin" by the official image (MONGO_INITDB_ROOT_*), so it authenticates there.
    private const string MongoLogin = "--config=\"$dir/auth.yaml\" --username=\"$MONGO_INITDB_ROOT_USERNAME\" --authenticationDatabase=admin";

    /// <summary>
    /// <c>mongodump --archive --gzip</c> of one database ("$1") or, with an empty "$1", of all: one gzipped archive on
    /// standard output (Coolify's format), which <see cref="MongoRestore"/> reads back.
    /// </summary>
    public static ShellCommand MongoDump(StandaloneDatabase database, string? databaseName, string path) =>
        Exec(database, input: false, "sh", "-c",
                MongoAuth + "if [ -n \"$1\" ]; then set -- \"--db=$1\"; else set --; fi; "
                + $"mongodump {MongoLogin} --archive --gzip \"$@\"",
                "sh", databaseName ?? string.Empty)
            .WriteOutputTo(path);

    /// <summary>
    /// <c>mongorestore</c> of one database's archive ("$1", the backup's database) into "$2", the one the user picked:
    /// the namespaces are renamed on the way, and each restored collection replaces the one there (<c>--drop</c>).
    /// </summary>
    public static ShellCommand MongoRestore(StandaloneDatabase database, string sourceDatabase, string targetDatabase, string path) =>
        Exec(database, input: true, "sh", "-c",
                MongoAuth + $"mongorestore {MongoLogin} --archive --gzip --drop --nsInclude=\"$1.*\" --nsFrom=\"$1.*\" --nsTo=\"$2.*\"",
                "sh", sourceDatabase, targetDatabase)
            .ReadInputFrom(path);

    /// <summary>
    /// Dragonfly answers neither SYNC nor PSYNC to a non-Dragonfly replica, so <c>redis-cli --rdb</c> cannot take its
    /// snapshot: it writes a Redis-format one itself (<c>SAVE RDB &lt;name&gt;</c>, into its <c>dir</c>, by default the
    /// working directory /data that <c>docker exec</c> shares), which is streamed out, gzipped, and removed.
    /// <c>redis-cli</c> (in Dragonfly's image) authenticates from REDISCLI_AUTH in the container's environment.
    /// </summary>
    public static ShellCommand DragonflyDump(StandaloneDatabase database, string path) =>
        Exec(database, input: false, "sh", "-c",
                "set -e; name=coolify-backup-$$.rdb; dir=$(redis-cli --raw CONFIG GET dir | sed -n 2p); file=\"${dir:-.}/$name\"; "
                + "trap 'rm -f \"$file\"' EXIT; reply=$(redis-cli --raw SAVE RDB \"$name\"); "
                + "if [ \"$reply\" != OK ]; then echo \"$reply\" >&2; exit 1; fi; cat \"$file\"")
            .Pipe(ShellCommand.Of("gzip", "-c"))
            .WriteOutputTo(path);

    /// <summary>
    /// Puts a Redis or KeyDB snapshot (the server's gzipped file <paramref name="path"/>) back into the running store,
    /// with no restart and whatever its persistence (our stores append-only: a dump.rdb dropped in would be ignored):
    /// a second server inside the container loads the snapshot on a private port, the store becomes its replica for
    /// one full sync (which replaces all its data, and rewrites its own files), then stands alone again.
    /// </summary>
    public static ShellCommand RedisRestore(StandaloneDatabase database, string path)
    {
        var (cli, server) = DatabaseEngine.Of(database) is KeydbEngine ? ("keydb-cli", "keydb-server") : ("redis-cli", "redis-server");
        return ShellCommand.Of("gunzip", "-c", "--", path).Pipe(Exec(database, input: true, "sh", "-c", RedisRestoreScript, "sh", cli, server));
    }

    // "$1" the client, "$2" the server program. The store's own password is REDISCLI_AUTH in the container's
    // environment; the private server has none and listens on loopback only, for the seconds it takes.
    private const string RedisRestoreScript = """
        set -e
        cli=$1; server=$2; port=16399; dir=$(mktemp -d)
        trap 'kill "$(cat "$dir/pid" 2>/dev/null)" 2>/dev/null; rm -rf "$dir"' EXIT
        cat > "$dir/dump.rdb"
        "$server" --port "$port" --bind 127.0.0.1 --dir "$dir" --dbfilename dump.rdb --appendonly no --save '' \
          --daemonize yes --pidfile "$dir/pid" --logfile "$dir/log"
        i=0
        until [ "$(env -u REDISCLI_AUTH "$cli" -p "$port" ping 2>/dev/null)" = PONG ]; do
          i=$((i+1)); if [ $i -gt 1500 ]; then cat "$dir/log" >&2; exit 1; fi; sleep 0.2
        done
        "$cli" replicaof 127.0.0.1 "$port" >/dev/null
        i=0
        until "$cli" info replication | grep -q '^master_link_status:up'; do
          i=$((i+1))
          if [ $i -gt 9000 ]; then "$cli" replicaof no one >/dev/null; echo 'the snapshot did not load within 30 minutes' >&2; exit 1; fi
          sleep 0.2
        done
        "$cli" replicaof no one >/dev/null
        """;

    private static ShellCommand Exec(StandaloneDatabase database, bool input, params string[] command) =>
        input ? ShellCommand.Of("docker", ["exec", "-i", "--", database.Uuid, .. command]) : ShellCommand.Of("docker", ["exec", "--", database.Uuid, .. command]);
}
