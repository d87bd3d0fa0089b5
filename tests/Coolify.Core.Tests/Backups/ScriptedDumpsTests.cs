using Coolify.Core.Backups;
using Coolify.Core.Databases;

namespace Coolify.Core.Tests.Backups;

/// <summary>
/// MongoDB and Dragonfly dumps (no real server of either can run in the test environment, so their shape is what is
/// checked here): names only as arguments after a fixed shell line, no password anywhere on a command line, and a
/// MongoDB restore that lands in the database the user picked.
/// </summary>
public sealed class ScriptedDumpsTests
{
    private const string Password = "p'a\"s$s;w`o`rd";

    private static readonly StandaloneDatabase Mongo = new()
    {
        Engine = "mongodb", Name = "db", Uuid = "mongo1", Image = "mongo:7", User = "root", Password = Password, DatabaseName = "shop",
    };

    private static readonly StandaloneDatabase Dragonfly = new() { Engine = "dragonfly", Name = "kv", Uuid = "dfly1", Image = "dragonfly", Password = Password };

    [Fact]
    public void RedisRestore_LoadsTheSnapshotInAPrivateServer_AndSyncsTheStoreFromIt_WithNoPasswordInArgv()
    {
        var keydb = new StandaloneDatabase { Engine = "keydb", Name = "kv", Uuid = "keydb1", Image = "keydb", Password = Password };
        var text = BackupDumps.RestoreCommand(keydb, "all", "/data/b/keydb-dump-1.rdb.gz").Render();

        Assert.StartsWith("'gunzip' '-c' '--' '/data/b/keydb-dump-1.rdb.gz' | 'docker' 'exec' '-i' '--' 'keydb1' 'sh' '-c' ", text, StringComparison.Ordinal);
        Assert.EndsWith(" 'sh' 'keydb-cli' 'keydb-server'", text, StringComparison.Ordinal);
        Assert.Contains("replicaof 127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains("replicaof no one", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s$s;w", text, StringComparison.Ordinal);
        Assert.True(BackupDumps.CanRestore(DatabaseEngine.Of(keydb), "all"));
        Assert.False(BackupDumps.CanRestore(DatabaseEngine.Of(Dragonfly), "all"));
    }

    [Fact]
    public void MongoDump_OneDatabase_IsAnArgument_AndThePasswordComesFromAPrivateConfigFile()
    {
        var text = BackupDumps.Command(Mongo, "orders", "/data/b/mongo-dump-orders-1.tar.gz").Render();

        Assert.StartsWith("'docker' 'exec' '--' 'mongo1' 'sh' '-c' ", text, StringComparison.Ordinal);
        // The fixed line, then "sh" as $0 and the database as $1: its own word, never part of the script.
        Assert.EndsWith(" 'sh' 'orders' >'/data/b/mongo-dump-orders-1.tar.gz'", text, StringComparison.Ordinal);
        Assert.Contains("umask 077", text, StringComparison.Ordinal);
        Assert.Contains("--config=", text, StringComparison.Ordinal);
        Assert.Contains("mongodump", text, StringComparison.Ordinal);
        Assert.Contains("--archive --gzip", text, StringComparison.Ordinal);
        Assert.Contains("$MONGO_INITDB_ROOT_PASSWORD", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--uri", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s$s;w", text, StringComparison.Ordinal);
        Assert.Equal("mongo-dump-all-0.tar.gz", BackupDumps.FileName(DatabaseEngine.Of(Mongo), null, DateTime.UnixEpoch));
    }

    [Fact]
    public void MongoDump_All_PassesAnEmptyName_SoTheLineNamesNoDatabase()
    {
        var text = BackupDumps.Command(Mongo, null, "/data/b/all.tar.gz").Render();

        Assert.EndsWith(" 'sh' '' >'/data/b/all.tar.gz'", text, StringComparison.Ordinal);
        Assert.Contains("if [ -n \"$1\" ]; then set -- \"--db=$1\"; else set --; fi", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MongoRestore_RenamesTheBackupsDatabaseIntoTheChosenOne_FromStandardInput()
    {
        Assert.True(BackupDumps.CanRestore(DatabaseEngine.Of(Mongo), "shop"));
        Assert.False(BackupDumps.CanRestore(DatabaseEngine.Of(Mongo), "all"));

        var text = BackupDumps.RestoreCommand(Mongo, "shop_copy", "/data/b/mongo-dump-shop-1.tar.gz", "shop").Render();

        Assert.StartsWith("'docker' 'exec' '-i' '--' 'mongo1' 'sh' '-c' ", text, StringComparison.Ordinal);
        Assert.EndsWith(" 'sh' 'shop' 'shop_copy' <'/data/b/mongo-dump-shop-1.tar.gz'", text, StringComparison.Ordinal);
        Assert.Contains("mongorestore", text, StringComparison.Ordinal);
        Assert.Contains("--drop --nsInclude=\"$1.*\" --nsFrom=\"$1.*\" --nsTo=\"$2.*\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s$s;w", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DragonflyDump_SavesAnRdbItself_StreamsAndRemovesIt_WithThePasswordFromTheEnvironment()
    {
        Assert.True(BackupDumps.Supports(DatabaseEngine.Of(Dragonfly)));
        Assert.False(BackupDumps.CanRestore(DatabaseEngine.Of(Dragonfly), null));
        var text = BackupDumps.Command(Dragonfly, null, "/data/b/dragonfly-dump-1.rdb.gz").Render();

        Assert.StartsWith("{ 'docker' 'exec' '--' 'dfly1' 'sh' '-c' ", text, StringComparison.Ordinal);
        Assert.Contains("SAVE RDB", text, StringComparison.Ordinal);
        Assert.Contains("trap 'rm -f", text.Replace("'\\''", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("--rdb", text, StringComparison.Ordinal); // Dragonfly refuses SYNC
        Assert.DoesNotContain("-a ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s$s;w", text, StringComparison.Ordinal);
        Assert.Matches(@"\| 'gzip' '-c'.* >'/data/b/dragonfly-dump-1\.rdb\.gz'$", text);

        // The container's environment holds what redis-cli authenticates with (REDISCLI_AUTH).
        Assert.Equal(Password, DatabaseEngine.Of(Dragonfly).Environment(Dragonfly)["REDISCLI_AUTH"]);
        Assert.Equal("dragonfly-dump-0.rdb.gz", BackupDumps.FileName(DatabaseEngine.Of(Dragonfly), null, DateTime.UnixEpoch));
    }
}
