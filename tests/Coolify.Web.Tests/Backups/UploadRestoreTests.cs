using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Databases;
using Coolify.Web.Tests.Support;
using Npgsql;

namespace Coolify.Web.Tests.Backups;

/// <summary>
/// Restores from a file the user uploads into a PostgreSQL database on the real dockerd: plain and gzip'd scripts
/// and pg_dump's own archive go in; scripts with psql's <c>\!</c>, a mid-line <c>\g |…</c> or
/// <c>COPY … PROGRAM</c> are refused and nothing of them ran; a script failing half-way changes nothing.
/// </summary>
public sealed class UploadRestoreTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly LocalServerShell Host = new();

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;
    private string _connection = string.Empty;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "uploads");

    [Fact]
    public async Task UploadedScriptsAndArchives_AreRestored_AndOnesWithCommandsAreRefusedBeforeAnythingRuns()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new { image = Image, postgres_db = "shop", is_public = true, public_port = port, health_check_interval = 1 });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        var password = (await DatabaseScenario.GetAsync(_place, _uuid)).GetProperty("postgres_password").GetString();
        _connection = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=shop;Pooling=false";

        // A plain script, its COPY data holding what would be commands outside it.
        using (var plain = await UploadAsync("CREATE TABLE items (id int PRIMARY KEY, name text);\nCOPY items (id, name) FROM stdin;\n1\tlamp\n2\t\\\\! not a command\n\\.\n"u8.ToArray(), "safety_backup=false"))
        {
            Assert.True(plain.StatusCode == HttpStatusCode.OK, await plain.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal("lamp,\\! not a command", await RowsAsync());

        // Refused before anything runs: nothing was made inside the container, the rows are as they were.
        var marker = $"/tmp/pwned-{Guid.NewGuid():N}";
        foreach (var (script, line) in new[]
        {
            ($"SELECT 1;\n\\! touch {marker}\n", "line 2"),
            ($"SELECT 1 \\g |touch {marker}\n", "line 1"),
            ($"INSERT INTO items VALUES (9, 'x');\nCOPY items FROM PROGRAM 'touch {marker}';\n", "line 2"),
        })
        {
            using var refused = await UploadAsync(Encoding.UTF8.GetBytes(script), "safety_backup=false");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("file")[0].GetString();
            Assert.Contains(line, error, StringComparison.Ordinal);
        }

        Assert.False((await Host.RunAsync(ShellCommand.Of("docker", "exec", _uuid, "test", "-e", marker), cancellationToken: Token)).Succeeded);
        Assert.Equal("lamp,\\! not a command", await RowsAsync());

        // Gzip'd, with the default safety backup first (kept under a disabled schedule made for it).
        using (var gzipped = await UploadAsync(Gzip("INSERT INTO items VALUES (3, 'desk');\n"), string.Empty))
        {
            var message = await gzipped.Content.ReadAsStringAsync(Token);
            Assert.True(gzipped.StatusCode == HttpStatusCode.OK, message);
            Assert.Contains("Safety backup", message, StringComparison.Ordinal);
        }

        Assert.Equal("lamp,\\! not a command,desk", await RowsAsync());
        var schedule = (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{_uuid}/backups", Token)).EnumerateArray().Single();
        Assert.False(schedule.GetProperty("enabled").GetBoolean());
        var safety = schedule.GetProperty("executions").EnumerateArray().Single();

        // A script failing half-way changes nothing (one transaction).
        using (var failing = await UploadAsync("INSERT INTO items VALUES (4, 'chair');\nINSERT INTO missing VALUES (1);\n"u8.ToArray(), "safety_backup=false"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failing.StatusCode);
        }

        Assert.Equal("lamp,\\! not a command,desk", await RowsAsync());

        // pg_dump's archive (the safety backup, downloaded) goes back in after the table is gone: the rows before "desk".
        var archive = await _place.Api.GetByteArrayAsync(
            $"/api/v1/databases/{_uuid}/backups/{schedule.GetProperty("uuid").GetString()}/executions/{safety.GetProperty("uuid").GetString()}/download", Token);
        Assert.Equal("PGDMP", Encoding.ASCII.GetString(archive, 0, 5));
        await using (var db = new NpgsqlConnection(_connection))
        {
            await db.OpenAsync(Token);
            await using var drop = new NpgsqlCommand("DROP TABLE items", db);
            await drop.ExecuteNonQueryAsync(Token);
        }

        using (var restored = await UploadAsync(archive, "safety_backup=false"))
        {
            Assert.True(restored.StatusCode == HttpStatusCode.OK, await restored.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal("lamp,\\! not a command", await RowsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] file, string query)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new("application/octet-stream");
        return await _place.Api.PostAsync($"/api/v1/databases/{_uuid}/restore/upload?{query}", content, Token);
    }

    private async Task<string?> RowsAsync()
    {
        await using var db = new NpgsqlConnection(_connection);
        await db.OpenAsync(Token);
        await using var rows = new NpgsqlCommand("SELECT string_agg(name, ',' ORDER BY id) FROM items", db);
        return (string?)await rows.ExecuteScalarAsync(Token);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
