using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.S3;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Backups;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Databases;

/// <summary>
/// A ClickHouse database on the real dockerd (Debian's clickhouse-server 18.16 with the official image's contract):
/// created with a hostile password, reached on its public native port by the real clickhouse-client, backed up by
/// its schedule to a real S3-compatible server (s3rver), the table dropped and the server's file lost, restored from
/// S3 — the rows come back byte for byte — and restored again into another database the user picks.
/// </summary>
public sealed class ClickhouseDatabaseTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_CLICKHOUSE_IMAGE");
    private static readonly string? Endpoint = TestPlace.Image("COOLIFY_TEST_S3_ENDPOINT");
    private static readonly LocalServerShell Host = new();
    private const string HostilePassword = "c'l\"i$HOME;c`id` k\\h o<u>&se$$ x";

    // Tabs, line breaks, quotes, backslashes and non-ASCII in strings; arrays, dates and a float that text would round.
    private const string Rows = """
        INSERT INTO events VALUES (1, 'lamp\t\n''"\\', '2024-02-29 23:59:59', ['a', 'b'], 0.1), (2, 'Schreibtisch — ü', '1970-01-02 00:00:00', [], 1e300);
        """;

    private const string Select = "SELECT * FROM events ORDER BY id FORMAT TabSeparated;";

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"), ("COOLIFY_BACKUP_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;
    private int _port;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "clickhouse");

    [Fact]
    public async Task Clickhouse_AnswersWithAHostilePassword_AndItsScheduledS3BackupRestoresTheRows()
    {
        Assert.SkipWhen(Image is null || Endpoint is null, "no test image or S3 server (run scripts/test.sh)");
        _port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "clickhouse", new
        {
            image = Image, clickhouse_admin_user = "analyst", clickhouse_admin_password = HostilePassword, is_public = true, public_port = _port, health_check_interval = 1,
        });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");

        await ClientAsync("CREATE TABLE events (id UInt32, name String, at DateTime, tags Array(String), price Float64) ENGINE = MergeTree ORDER BY id;" + Rows);
        var before = await ClientAsync(Select);
        Assert.StartsWith("1\tlamp\\t\\n\\'\"\\\\\t2024-02-29 23:59:59\t['a','b']\t0.1\n2\tSchreibtisch — ü\t", before, StringComparison.Ordinal);
        Assert.Contains("Wrong password for user analyst", await ClientAsync("SELECT 1;", password: "wrong", succeed: false), StringComparison.Ordinal);

        // The schedule's own run (no "backup now"), within the minute: a file on the server and the same bytes in S3.
        string schedule;
        using (var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency = "every_minute", save_s3 = true, s3_storage_uuid = await TestBucket.CreateStorageAsync(_place, "backups") }, Token))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
            schedule = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        }

        var execution = await WaitForBackupAsync(schedule);
        Assert.True(execution.GetProperty("s3_uploaded").GetBoolean(), execution.GetProperty("message").GetString());
        var file = execution.GetProperty("filename").GetString()!;
        var local = await File.ReadAllBytesAsync(file, Token);
        Assert.Equal(local, await TestBucket.ObjectAsync(file.TrimStart('/')));

        // The dump names no database: the table's definition is its own.
        var definition = await EntryAsync(local, "./00001.sql");
        Assert.StartsWith("CREATE TABLE events ", definition, StringComparison.Ordinal);
        Assert.DoesNotContain("default.", definition, StringComparison.Ordinal);

        // The table dropped, the server's copy lost: the restore fetches the S3 copy and the rows are back as they were.
        await ClientAsync("DROP TABLE events;");
        File.Delete(file);
        var message = await RestoreAsync(new { execution_uuid = execution.GetProperty("uuid").GetString() });
        Assert.Contains("Safety backup", message, StringComparison.Ordinal);
        Assert.Contains("Downloaded s3://", message, StringComparison.Ordinal);
        Assert.Equal(before, await ClientAsync(Select));

        // Into another database the user picks (it must exist, as for the other engines); the original stays as it is.
        await ClientAsync("CREATE DATABASE copy; INSERT INTO events VALUES (3, 'only in default', now(), [], 0);");
        await RestoreAsync(new { execution_uuid = execution.GetProperty("uuid").GetString(), database_name = "copy", safety_backup = false });
        Assert.Equal(before, await ClientAsync("SELECT * FROM copy.events ORDER BY id FORMAT TabSeparated;"));
        Assert.Equal("3\n", await ClientAsync("SELECT count() FROM default.events;"));
    }

    // The real clickhouse-client (from the test image) on the published native port, as a user would connect; the
    // password goes on its standard input into a client configuration file, the SQL after it.
    private async Task<string> ClientAsync(string sql, string? password = null, bool succeed = true)
    {
        const string Line = """
            IFS= read -r password
            xml() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
            printf '<config><user>analyst</user><password>%s</password></config>' "$(xml "$password")" > /tmp/client.xml
            exec clickhouse-client --config-file /tmp/client.xml --host 127.0.0.1 --port "$1" --multiquery
            """;
        var command = ShellCommand.Of("docker", "run", "--rm", "-i", "--network", "host", Image!, "bash", "-c", Line, "bash", _port.ToString(CultureInfo.InvariantCulture));
        var result = await Host.RunAsync(command, new CommandOptions { Input = Encoding.UTF8.GetBytes($"{password ?? HostilePassword}\n{sql}\n") }, Token);
        Assert.True(result.Succeeded == succeed, result.Error);
        return succeed ? result.Output : result.Error;
    }

    private async Task<string> RestoreAsync(object body)
    {
        using var restored = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", body, Token);
        var message = await restored.Content.ReadAsStringAsync(Token);
        Assert.True(restored.StatusCode == HttpStatusCode.OK, message);
        return message;
    }

    // The first finished execution (polling a condition: the scheduler's run, due within the minute).
    private async Task<JsonElement> WaitForBackupAsync(string schedule)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(100));
        while (true)
        {
            var executions = (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", deadline.Token))
                .GetProperty("executions").EnumerateArray().ToList();
            if (executions.FirstOrDefault(e => e.GetProperty("status").GetString() != "running") is { ValueKind: JsonValueKind.Object } done)
            {
                Assert.True(done.GetProperty("status").GetString() == "success", done.GetProperty("message").GetString());
                return done;
            }

            await Task.Delay(500, deadline.Token);
        }
    }

    private static async Task<string> EntryAsync(byte[] tar, string name)
    {
        await using var reader = new TarReader(new MemoryStream(tar));
        while (await reader.GetNextEntryAsync(cancellationToken: Token) is { } entry)
        {
            if (entry.Name == name && entry.DataStream is { } data)
            {
                using var text = new StreamReader(data, Encoding.UTF8);
                return await text.ReadToEndAsync(Token);
            }
        }

        throw new InvalidOperationException($"{name} is not in the dump.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }
}
