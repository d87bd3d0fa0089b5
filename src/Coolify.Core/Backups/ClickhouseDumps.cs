using Coolify.Core.Commands;
using Coolify.Core.Databases;

namespace Coolify.Core.Backups;

/// <summary>
/// ClickHouse's dump and restore, for every server from Debian's 18.16 to the current official image: ClickHouse's
/// own BACKUP (22.x+) does not exist on the old ones and puts a database back only under the name it had. A dump is a
/// tar of one database's tables, each as its definition (<c>SHOW CREATE TABLE</c> with the database's name taken off,
/// so a restore creates it in the database the user picks) and, for tables that store rows, its rows in ClickHouse's
/// Native format, gzipped. Fixed bash lines run inside the container with clickhouse-client; the database name is
/// their first argument, and the user and password come from the container's environment (the official image's
/// <c>CLICKHOUSE_USER</c>/<c>CLICKHOUSE_PASSWORD</c>) into a client configuration file only root can read, in a
/// temporary folder removed on exit — never onto a command line.
/// </summary>
public static class ClickhouseDumps
{
    public static string FileName(string? databaseName, long stamp) => $"clickhouse-dump-{databaseName ?? "all"}-{stamp}.tar";

    /// <summary>Writes the dump of <paramref name="databaseName"/> to <paramref name="path"/> on the server.</summary>
    public static ShellCommand Command(StandaloneDatabase database, string? databaseName, string path) =>
        ShellCommand.Of("docker", "exec", "--", database.Uuid, "bash", "-c", Dump, "bash", databaseName ?? string.Empty).WriteOutputTo(path);

    /// <summary>Restores the server's file <paramref name="path"/> into <paramref name="targetDatabase"/>, which must exist.</summary>
    public static ShellCommand RestoreCommand(StandaloneDatabase database, string targetDatabase, string path) =>
        ShellCommand.Of("docker", "exec", "-i", "--", database.Uuid, "bash", "-c", Restore, "bash", targetDatabase).ReadInputFrom(path);

    // The client's configuration (root element <config>, which clickhouse-client has read from 18.x to today) with the
    // user and password XML-escaped; printf is bash's own, so the password is no process's argument. `quote` makes a
    // table's name a backquoted identifier (backslash and backquote escaped) for the SQL the lines send.
    private const string Client = """
        set -euo pipefail
        db="$1"
        [ -n "$db" ] || { echo 'ClickHouse is backed up one database at a time: name the databases instead of all.' >&2; exit 1; }
        tmp="$(mktemp -d)"
        trap 'rm -rf "$tmp"' EXIT
        umask 077
        xml() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
        printf '<config><user>%s</user><password>%s</password></config>\n' "$(xml "${CLICKHOUSE_USER:-default}")" "$(xml "${CLICKHOUSE_PASSWORD:-}")" > "$tmp/client.xml"
        ch() { clickhouse-client --config-file "$tmp/client.xml" --database "$db" "$@"; }
        quote() { printf '`%s`' "$(printf '%s' "$1" | sed 's/[\\`]/\\&/g')"; }
        mkdir "$tmp/dump"

        """;

    // Tables before views (a view needs its source), the inner tables of materialized views left to their views.
    // A definition that does not start with this database's name is refused rather than dumped naming a database.
    // Rows only from engines that store them (a view's are its source's).
    private const string Dump = Client + """
        unqualified() {
          local kind prefix
          for kind in TABLE VIEW 'MATERIALIZED VIEW'; do
            for prefix in "CREATE $kind $db." "CREATE $kind \`$db\`."; do
              case "$1" in "$prefix"*) printf 'CREATE %s %s\n' "$kind" "${1#"$prefix"}"; return ;; esac
            done
          done
          echo "Cannot dump ${1%%(*}" >&2; return 1
        }
        ch --format TabSeparatedRaw --query "SELECT name, engine LIKE '%MergeTree' OR engine IN ('Log', 'TinyLog', 'StripeLog', 'Memory')
          FROM system.tables WHERE database = currentDatabase() AND name NOT LIKE '.inner%' AND engine != 'Dictionary'
          ORDER BY engine IN ('View', 'MaterializedView'), name" </dev/null > "$tmp/tables"
        i=0
        while IFS=$'\t' read -r name rows; do
          i=$((i + 1)); n="$tmp/dump/$(printf '%05d' "$i")"
          printf '%s' "$name" > "$n.name"
          unqualified "$(ch --format TabSeparatedRaw --query "SHOW CREATE TABLE $(quote "$name")" </dev/null)" > "$n.sql"
          if [ "$rows" = 1 ]; then ch --format Native --query "SELECT * FROM $(quote "$name")" </dev/null | gzip > "$n.native.gz"; fi
        done < "$tmp/tables"
        ch --query 'SELECT version()' </dev/null > "$tmp/dump/version"
        tar -C "$tmp/dump" -cf - .
        """;

    // Each table dropped when it is there (as pg_restore --clean), created from its definition, its rows put back.
    private const string Restore = Client + """
        tar -C "$tmp/dump" -xf -
        for sql in "$tmp"/dump/*.sql; do
          [ -e "$sql" ] || continue
          n="${sql%.sql}"; name="$(quote "$(cat "$n.name")")"
          ch --query "DROP TABLE IF EXISTS $name" </dev/null
          ch < "$sql"
          if [ -e "$n.native.gz" ]; then gunzip -c "$n.native.gz" | ch --query "INSERT INTO $name FORMAT Native"; fi
        done
        """;
}
