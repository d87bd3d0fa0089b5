using System.Net.Http.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Backups;
using Coolify.Web.Tests.Support;
using MySqlConnector;

namespace Coolify.Web.Tests.Databases;

/// <summary>
/// A MariaDB database on the real dockerd (Debian's mariadb-server with the official image's contract): user and
/// root passwords with every awkward character, reached with MySqlConnector on its public port, data kept across a
/// restart, its own configuration file in effect, and a backup uploaded to S3 and restored from there after the table
/// was dropped.
/// </summary>
public sealed class MariadbDatabaseTests : IAsyncLifetime
{
    private static readonly LocalServerShell Host = new();

    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_MARIADB_IMAGE");
    private const string HostilePassword = "m'a\"r$PATH;i`id` a\\db$$ x";

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "mariadb");

    [Fact]
    public async Task Mariadb_AnswersWithHostilePasswords_AndKeepsItsRowsAcrossARestart()
    {
        Assert.SkipWhen(Image is null || TestBucket.Endpoint is null, "no test image or S3 server (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "mariadb", new
        {
            image = Image, mariadb_user = "shop", mariadb_password = HostilePassword, mariadb_root_password = HostilePassword + "root",
            mariadb_database = "orders", is_public = true, public_port = port, health_check_interval = 1,
            mariadb_conf = "[mysqld]\nmax_connections = 77\n",
        });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");

        var connection = new MySqlConnectionStringBuilder { Server = "127.0.0.1", Port = (uint)port, UserID = "shop", Password = HostilePassword, Database = "orders", Pooling = false }.ConnectionString;
        await using (var db = new MySqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var create = new MySqlCommand("CREATE TABLE items (id INT PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'lamp'), (2, 'desk');", db);
            await create.ExecuteNonQueryAsync(Token);
            await using var setting = new MySqlCommand("SELECT @@max_connections", db);
            Assert.Equal(77L, Convert.ToInt64(await setting.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture));
        }

        // Root, with its own hostile password, from outside too.
        await using (var root = new MySqlConnection(new MySqlConnectionStringBuilder(connection) { UserID = "root", Password = HostilePassword + "root" }.ConnectionString))
        {
            await root.OpenAsync(Token);
        }

        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/restart");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        await using (var db = new MySqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var names = new MySqlCommand("SELECT GROUP_CONCAT(name ORDER BY id) FROM items", db);
            Assert.Equal("lamp,desk", await names.ExecuteScalarAsync(Token));
        }

        // A local backup (the dump names no database), the table dropped, the backup restored into the same database.
        string execution, schedule;
        using (var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency = "daily", backup_now = true, save_s3 = true, s3_storage_uuid = await TestBucket.CreateStorageAsync(_place, "mariadb") }, Token))
        {
            Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
            schedule = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Token)).GetProperty("uuid").GetString()!;
            execution = await WaitForBackupAsync(schedule);
        }

        await using (var db = new MySqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var drop = new MySqlCommand("DROP TABLE items", db);
            await drop.ExecuteNonQueryAsync(Token);
        }

        using (var restored = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", new { execution_uuid = execution, safety_backup = false, from_s3 = true }, Token))
        {
            var message = await restored.Content.ReadAsStringAsync(Token);
            Assert.True(restored.StatusCode == System.Net.HttpStatusCode.OK, message);
            Assert.Contains("Downloaded s3://", message, StringComparison.Ordinal); // the bucket's copy, not the server's file
        }

        await using (var db = new MySqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var names = new MySqlCommand("SELECT GROUP_CONCAT(name ORDER BY id) FROM items", db);
            Assert.Equal("lamp,desk", await names.ExecuteScalarAsync(Token));
        }

        // An uploaded script goes in (through the client in --binary-mode); one with a client command does not.
        using (var script = new ByteArrayContent("INSERT INTO items VALUES (3, 'it''s a \\\\! chair');\n"u8.ToArray()))
        using (var uploaded = await _place.Api.PostAsync($"/api/v1/databases/{_uuid}/restore/upload?safety_backup=false", script, Token))
        {
            Assert.True(uploaded.StatusCode == System.Net.HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync(Token));
        }

        using (var hostile = new ByteArrayContent("SELECT 1;\nsystem touch /tmp/pwned\n"u8.ToArray()))
        using (var refused = await _place.Api.PostAsync($"/api/v1/databases/{_uuid}/restore/upload?safety_backup=false", hostile, Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        Assert.False((await Host.RunAsync(ShellCommand.Of("docker", "exec", _uuid, "test", "-e", "/tmp/pwned"), cancellationToken: Token)).Succeeded);
        await using (var db = new MySqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var names = new MySqlCommand("SELECT GROUP_CONCAT(name ORDER BY id SEPARATOR '|') FROM items", db);
            Assert.Equal("lamp|desk|it's a \\! chair", await names.ExecuteScalarAsync(Token));
        }

        await DownloadsAndDeletesAsync(schedule, execution);
    }

    // The backup downloads as the gzip'd dump it is (a read-only token may not have it), then goes with its file.
    private async Task DownloadsAndDeletesAsync(string schedule, string execution)
    {
        var executionPath = $"/api/v1/databases/{_uuid}/backups/{schedule}/executions/{execution}";
        using (var download = await _place.Api.GetAsync(executionPath + "/download", Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
            await using var dump = new System.IO.Compression.GZipStream(await download.Content.ReadAsStreamAsync(Token), System.IO.Compression.CompressionMode.Decompress);
            var text = await new StreamReader(dump).ReadToEndAsync(Token);
            Assert.Contains("CREATE TABLE `items`", text, StringComparison.Ordinal);
            Assert.Matches(@"INSERT INTO `items` VALUES\s*\(1,'lamp'\),\s*\(2,'desk'\)", text);
        }

        var admin = await _factory.InstanceAdminAsync();
        using (var reader = _factory.CreateApiClient(await _factory.CreateTokenAsync(admin, await _factory.TeamIdOfAsync(admin), Coolify.Core.Teams.Abilities.Read)))
        using (var refused = await reader.GetAsync(executionPath + "/download", Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var file = (await _place.Api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", Token))
            .GetProperty("executions").EnumerateArray().Single(e => e.GetProperty("uuid").GetString() == execution).GetProperty("filename").GetString()!;
        Assert.True((await Host.RunAsync(ShellCommand.Of("test", "-f", file), cancellationToken: Token)).Succeeded);
        using (var deleted = await _place.Api.DeleteAsync(executionPath, Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.False((await Host.RunAsync(ShellCommand.Of("test", "-e", file), cancellationToken: Token)).Succeeded);
        var left = (await _place.Api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", Token)).GetProperty("executions");
        Assert.DoesNotContain(left.EnumerateArray(), e => e.GetProperty("uuid").GetString() == execution);
    }

    private async Task<string> WaitForBackupAsync(string schedule)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var executions = (await _place.Api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", deadline.Token))
                .GetProperty("executions").EnumerateArray().ToList();
            if (executions.FirstOrDefault(e => e.GetProperty("status").GetString() != "running") is { ValueKind: System.Text.Json.JsonValueKind.Object } done)
            {
                Assert.True(done.GetProperty("status").GetString() == "success", done.GetProperty("message").GetString());
                return done.GetProperty("uuid").GetString()!;
            }

            await Task.Delay(500, deadline.Token); // polling a condition: the worker's run
        }
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
