using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Coolify.Core.Backups;
using Coolify.Core.Commands;
using Coolify.Core.Databases;
using Coolify.Infrastructure.Servers;

namespace Coolify.Core.Tests.Backups;

/// <summary>
/// ClickHouse's dump and restore commands: their argument vectors, and their fixed bash lines run for real against a
/// stand-in clickhouse-client (and a docker that runs the exec'd command here) that records what it was asked and
/// read. The real server is in Coolify.Web.Tests' ClickhouseDatabaseTests.
/// </summary>
public sealed class ClickhouseDumpsTests : IDisposable
{
    private const string Password = "a<b&c>\"'$x \\ y;";
    private static readonly StandaloneDatabase Database = new() { Engine = "clickhouse", Name = "db", Image = "clickhouse/clickhouse-server:25.11", User = "analyst", Password = Password, Uuid = "ch1" };
    private static readonly LocalServerShell Host = new();

    // The stand-ins: docker drops "exec [-i] -- <container>"; clickhouse-client logs its arguments (one a line, calls
    // apart by "--") and its standard input, keeps its configuration file, and answers the queries the lines send.
    private const string DockerStub = """
        #!/bin/bash
        shift; [ "$1" = -i ] && shift; shift 2; exec "$@"
        """;

    private const string ClientStub = """
        #!/bin/bash
        n=$(ls "$STUB" | grep -c '^in\.' || true)
        printf '%s\n' "$@" -- >> "$STUB/argv"
        cp "$2" "$STUB/config.xml"
        cat > "$STUB/in.$n"
        all="$*"
        case "$all" in
          *'FROM system.tables'*) printf 'items\t1\nwe`ird\t1\nv\t0\n' ;;
          *'SHOW CREATE TABLE `v`'*) printf 'CREATE VIEW %s.v\n(\n    `id` UInt32\n) AS SELECT id FROM items' "${STUB_DB:-shop}" ;;
          *'SHOW CREATE TABLE '*) printf 'CREATE TABLE %s.%s\n(\n    `id` UInt32\n)\nENGINE = MergeTree\nORDER BY id' "${STUB_DB:-shop}" "${all##*SHOW CREATE TABLE }" ;;
          *'SELECT * FROM '*) printf 'native rows of %s' "${all##*FROM }" ;;
          *'SELECT version()'*) echo 25.11.1.1 ;;
        esac
        """;

    private readonly DirectoryInfo _stub = Directory.CreateTempSubdirectory("coolify-ch-stub-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ClickhouseDumpsTests()
    {
        foreach (var (name, text) in new[] { ("docker", DockerStub), ("clickhouse-client", ClientStub) })
        {
            var path = Path.Combine(_stub.FullName, name);
            File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public void Commands_AreDockerExecArgumentVectors_WithTheDatabaseAsAnArgument_AndNoCredentials()
    {
        var hostile = "shop'; DROP DATABASE x; '";
        var dump = BackupDumps.Command(Database, hostile, "/data/c.tar").Render();
        var restore = BackupDumps.RestoreCommand(Database, "copy", "/data/c.tar").Render();

        Assert.StartsWith("'docker' 'exec' '--' 'ch1' 'bash' '-c' 'set -euo pipefail", dump, StringComparison.Ordinal);
        Assert.EndsWith($"'bash' {ShellQuote.Quote(hostile)} >'/data/c.tar'", dump, StringComparison.Ordinal);
        Assert.StartsWith("'docker' 'exec' '-i' '--' 'ch1' 'bash' '-c' ", restore, StringComparison.Ordinal);
        Assert.EndsWith("'bash' 'copy' <'/data/c.tar'", restore, StringComparison.Ordinal);
        foreach (var text in new[] { dump, restore })
        {
            Assert.DoesNotContain("analyst", text, StringComparison.Ordinal);
            Assert.DoesNotContain("a<b&c>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("--password", text, StringComparison.Ordinal);
        }

        Assert.Equal("clickhouse-dump-shop-1764460800.tar", BackupDumps.FileName(new ClickhouseEngine(), "shop", new DateTime(2025, 11, 30, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(BackupDumps.Supports(new ClickhouseEngine()));
        Assert.True(BackupDumps.CanRestore(new ClickhouseEngine(), "shop"));
        Assert.False(BackupDumps.CanRestore(new ClickhouseEngine(), "all"));
    }

    [Fact]
    public async Task Dump_WritesEachTablesDefinitionWithoutItsDatabase_AndItsRowsGzipped_ThePasswordOnlyInAPrivateFile()
    {
        var file = Path.Combine(_stub.FullName, "dump.tar");
        var result = await RunAsync(BackupDumps.Command(Database, "shop", file));

        Assert.True(result.Succeeded, result.Error);
        var entries = await ReadTarAsync(file);
        Assert.Equal(["./00001.name", "./00001.native.gz", "./00001.sql", "./00002.name", "./00002.native.gz", "./00002.sql", "./00003.name", "./00003.sql", "./version"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("CREATE TABLE `items`\n(\n    `id` UInt32\n)\nENGINE = MergeTree\nORDER BY id\n", Text(entries["./00001.sql"]));
        Assert.Equal("native rows of `items`", Gunzip(entries["./00001.native.gz"]));
        Assert.Equal("we`ird", Text(entries["./00002.name"]));
        Assert.StartsWith("CREATE TABLE `we\\`ird`\n", Text(entries["./00002.sql"]), StringComparison.Ordinal);
        Assert.Equal("CREATE VIEW v\n(\n    `id` UInt32\n) AS SELECT id FROM items\n", Text(entries["./00003.sql"]));
        Assert.Equal("25.11.1.1\n", Text(entries["./version"]));

        // The user and password reached the client in its configuration file, XML-escaped, and on no command line.
        Assert.Equal("<config><user>analyst</user><password>a&lt;b&amp;c&gt;\"'$x \\ y;</password></config>\n", await File.ReadAllTextAsync(Path.Combine(_stub.FullName, "config.xml"), Token));
        var argv = await File.ReadAllTextAsync(Path.Combine(_stub.FullName, "argv"), Token);
        Assert.DoesNotContain("a<b", argv, StringComparison.Ordinal);
        Assert.Contains("--database\nshop\n", argv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_RefusesADefinitionThatNamesAnotherDatabase_AndAskingForAllDatabases()
    {
        var file = Path.Combine(_stub.FullName, "dump.tar");
        var other = await RunAsync(BackupDumps.Command(Database, "shop", file), ("STUB_DB", "elsewhere"));
        var all = await RunAsync(BackupDumps.Command(Database, null, file));

        Assert.False(other.Succeeded);
        Assert.Contains("Cannot dump CREATE TABLE elsewhere.", other.Error, StringComparison.Ordinal);
        Assert.False(all.Succeeded);
        Assert.Contains("one database at a time", all.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_DropsCreatesAndFillsEachTable_InTheTargetDatabase()
    {
        var file = Path.Combine(_stub.FullName, "dump.tar");
        Assert.True((await RunAsync(BackupDumps.Command(Database, "shop", file))).Succeeded);
        File.Delete(Path.Combine(_stub.FullName, "argv"));
        foreach (var input in _stub.GetFiles("in.*"))
        {
            input.Delete();
        }

        var result = await RunAsync(BackupDumps.RestoreCommand(Database, "copy", file));

        Assert.True(result.Succeeded, result.Error);
        var calls = (await File.ReadAllTextAsync(Path.Combine(_stub.FullName, "argv"), Token)).Split("--\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(calls, call => Assert.Contains("--database\ncopy\n", call, StringComparison.Ordinal));
        Assert.Equal(8, calls.Length); // per table: drop, create; and the rows of the two that have them
        Assert.EndsWith("--query\nDROP TABLE IF EXISTS `items`\n", calls[0], StringComparison.Ordinal);
        Assert.Equal("CREATE TABLE `items`\n(\n    `id` UInt32\n)\nENGINE = MergeTree\nORDER BY id\n", await File.ReadAllTextAsync(Path.Combine(_stub.FullName, "in.1"), Token));
        Assert.EndsWith("--query\nINSERT INTO `items` FORMAT Native\n", calls[2], StringComparison.Ordinal);
        Assert.Equal("native rows of `items`", await File.ReadAllTextAsync(Path.Combine(_stub.FullName, "in.2"), Token));
        Assert.EndsWith("--query\nINSERT INTO `we\\`ird` FORMAT Native\n", calls[5], StringComparison.Ordinal);
        Assert.EndsWith("--query\nDROP TABLE IF EXISTS `v`\n", calls[6], StringComparison.Ordinal);
    }

    // The command with the stand-ins first on the PATH and the container's environment (test values only).
    private async Task<CommandResult> RunAsync(ShellCommand command, params (string Name, string Value)[] environment)
    {
        command = command.WithEnvironment("PATH", $"{_stub.FullName}:{Environment.GetEnvironmentVariable("PATH")}").WithEnvironment("STUB", _stub.FullName)
            .WithEnvironment("CLICKHOUSE_USER", "analyst").WithEnvironment("CLICKHOUSE_PASSWORD", Password);
        foreach (var (name, value) in environment)
        {
            command = command.WithEnvironment(name, value);
        }

        return await Host.RunAsync(command, cancellationToken: Token);
    }

    private static async Task<Dictionary<string, byte[]>> ReadTarAsync(string file)
    {
        var entries = new Dictionary<string, byte[]>();
        await using var reader = new TarReader(File.OpenRead(file));
        while (await reader.GetNextEntryAsync(cancellationToken: Token) is { } entry)
        {
            if (entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                await data.CopyToAsync(copy, Token);
                entries[entry.Name] = copy.ToArray();
            }
        }

        return entries;
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        return text.ReadToEnd();
    }

    public void Dispose() => _stub.Delete(recursive: true);
}
