using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Coolify.Core.S3;
using Coolify.Web.Tests.Databases;
using Coolify.Web.Tests.Support;
using Npgsql;

namespace Coolify.Web.Tests.Backups;

/// <summary>
/// Backups of a PostgreSQL database on the real dockerd to a real S3-compatible server (s3rver): "backup now" and a
/// one-minute schedule both produce executions whose file is a pg_dump archive on the server and the same bytes in
/// the bucket; local retention by count removes exactly the oldest file and keeps its S3 copy.
/// </summary>
public sealed class PostgresBackupTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly string? Endpoint = TestPlace.Image("COOLIFY_TEST_S3_ENDPOINT");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"), ("COOLIFY_BACKUP_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "backups");

    [Fact]
    public async Task BackupNow_AndTheSchedule_LandInS3_AndLocalRetentionKeepsTheNewest()
    {
        Assert.SkipWhen(Image is null || Endpoint is null, "no test image or S3 server (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new { image = Image, postgres_db = "shop", is_public = true, public_port = port, health_check_interval = 1 });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        var password = (await DatabaseScenario.GetAsync(_place, _uuid)).GetProperty("postgres_password").GetString();
        await using (var db = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=shop;Pooling=false"))
        {
            await db.OpenAsync(Token);
            await using var rows = new NpgsqlCommand("CREATE TABLE items (id int, name text); INSERT INTO items VALUES (1, 'lamp'), (2, 'desk');", db);
            await rows.ExecuteNonQueryAsync(Token);
        }

        var storage = await TestBucket.CreateStorageAsync(_place, "backups");
        using (var refused = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency = "every 5 minutes" }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        string schedule;
        using (var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new
        {
            frequency = "every_minute", save_s3 = true, s3_storage_uuid = storage, backup_now = true, database_backup_retention_amount_locally = 2,
        }, Token))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
            schedule = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        }

        // backup now, then the schedule's own run within the next minute, then one more now: three successes.
        var first = (await DatabaseScenario.WaitForBackupsAsync(_place, _uuid!, schedule, 1))[0];
        await DatabaseScenario.WaitForBackupsAsync(_place, _uuid!, schedule, 2, TimeSpan.FromSeconds(90));
        using (var again = await _place.Api.PatchAsJsonAsync($"/api/v1/databases/{_uuid}/backups/{schedule}", new { backup_now = true }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var executions = await DatabaseScenario.WaitForBackupsAsync(_place, _uuid!, schedule, 3);
        Assert.All(executions, e => Assert.Equal(("success", true), (e.GetProperty("status").GetString(), e.GetProperty("s3_uploaded").GetBoolean())));

        // The newest: a pg_dump archive on the server, and the very same bytes in the bucket.
        var newest = executions[0].GetProperty("filename").GetString()!;
        var local = await File.ReadAllBytesAsync(newest, Token);
        Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString(local, 0, 5));
        Assert.Equal(local.Length, executions[0].GetProperty("size").GetInt64());
        Assert.Equal(local, await TestBucket.ObjectAsync(newest.TrimStart('/')));

        // Local retention (2): the oldest file is gone from the server, its S3 copy stays (S3 retention is off).
        var oldest = first.GetProperty("filename").GetString()!;
        Assert.False(File.Exists(oldest));
        Assert.True(File.Exists(executions[1].GetProperty("filename").GetString()!));
        Assert.NotEmpty(await TestBucket.ObjectAsync(oldest.TrimStart('/')));

        // The data goes, the database is stopped, the server's copy is lost: the restore starts it, takes a safety
        // backup, fetches the S3 copy and puts the rows back as they were.
        const string Rows = "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM items";
        var before = await QueryAsync(port, password, Rows);
        await QueryAsync(port, password, "DROP TABLE items");
        File.Delete(newest);
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/stop");
        using (var restored = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", new { execution_uuid = executions[0].GetProperty("uuid").GetString() }, Token))
        {
            var message = await restored.Content.ReadAsStringAsync(Token);
            Assert.True(restored.StatusCode == HttpStatusCode.OK, message);
            Assert.Contains("Started the database first.", message, StringComparison.Ordinal);
            Assert.Contains("Safety backup", message, StringComparison.Ordinal);
            Assert.Contains("Downloaded s3://", message, StringComparison.Ordinal);
        }

        Assert.Equal("1:lamp,2:desk", before);
        Assert.Equal(before, await QueryAsync(port, password, Rows));

        // A hostile target name is refused before anything runs.
        using var hostile = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", new { execution_uuid = executions[1].GetProperty("uuid").GetString(), database_name = "shop; DROP" }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
    }

    private static async Task<object?> QueryAsync(int port, string? password, string sql)
    {
        await using var db = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=shop;Pooling=false");
        await db.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync(Token);
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
