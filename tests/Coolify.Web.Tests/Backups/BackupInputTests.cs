using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Databases;
using Coolify.Web.Tests.Support;
using Npgsql;

namespace Coolify.Web.Tests.Backups;

/// <summary>
/// Hostile input to backups, with a real PostgreSQL on the real dockerd: database names and frequencies carrying shell
/// syntax are refused with Coolify's 422 body (<c>message</c> and <c>errors</c>) and nothing is stored or run — no
/// schedule, no safety backup —, while a legal but odd name (<c>_x1</c>) is dumped and restored as itself.
/// </summary>
public sealed class BackupInputTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");

    private static readonly string[] HostileNames =
        ["shop;id", "$(id)", "`id`", "shop x", "shop\nid", "../etc", "shop/../x", "shop'", "\"shop\"", "shop,$(reboot)", "-x", "shop&&id"];

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "backup-input");

    [Fact]
    public async Task HostileNamesAndFrequencies_AreRefusedAndNothingRuns_AndAnOddLegalNameIsPassedSafely()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new { image = Image, postgres_db = "shop", is_public = true, public_port = port, health_check_interval = 1 });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        var password = (await DatabaseScenario.GetAsync(_place, _uuid)).GetProperty("postgres_password").GetString();

        foreach (var name in HostileNames)
        {
            await AssertRefusedAsync(await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency = "daily", databases_to_backup = name }, Token), "databases_to_backup");
        }

        foreach (var frequency in new[] { "0 3 * * *; id", "$(id) * * * *", "* * * * * `id`", "daily && reboot", "0 3 * * *\nid", "@daily | sh" })
        {
            await AssertRefusedAsync(await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency }, Token), "frequency");
        }

        Assert.Equal(0, (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{_uuid}/backups", Token)).GetArrayLength());

        // A legal but odd name: its own database, dumped by name and restored into itself.
        await using (var db = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=shop;Pooling=false"))
        {
            await db.OpenAsync(Token);
            await using var create = new NpgsqlCommand("CREATE DATABASE _x1", db);
            await create.ExecuteNonQueryAsync(Token);
        }

        await QueryAsync(port, password, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
        string schedule;
        using (var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new { frequency = "0 0 1 1 *", databases_to_backup = "shop, _x1", backup_now = true }, Token))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
            schedule = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        }

        var executions = await DatabaseScenario.WaitForBackupsAsync(_place, _uuid!, schedule, 2);
        var odd = executions.Single(e => e.GetProperty("database_name").GetString() == "_x1");
        var file = odd.GetProperty("filename").GetString()!;
        Assert.Contains("/pg-dump-_x1-", file, StringComparison.Ordinal);
        Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file, Token))[..5]));

        // A hostile restore target is refused before anything runs: no safety backup, the data as it was. (A list of
        // names is trimmed, so "shop\n" is "shop" there; a single name is not, and .NET's $ would let it through.)
        foreach (var name in HostileNames.Append("shop\n"))
        {
            await AssertRefusedAsync(
                await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", new { execution_uuid = odd.GetProperty("uuid").GetString(), database_name = name }, Token),
                "database_name");
        }

        Assert.Equal(2, (await ExecutionsAsync(schedule)).Count);
        await QueryAsync(port, password, "DELETE FROM notes");
        using (var restored = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/restore", new { execution_uuid = odd.GetProperty("uuid").GetString(), database_name = "_x1", safety_backup = false }, Token))
        {
            Assert.True(restored.StatusCode == HttpStatusCode.OK, await restored.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal("kept", await QueryAsync(port, password, "SELECT string_agg(body, ',') FROM notes"));
    }

    // Coolify's 422: a message and the field's errors; the response disposed here.
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal(JsonValueKind.String, json.GetProperty("message").ValueKind);
            Assert.NotEqual(0, json.GetProperty("errors").GetProperty(field).GetArrayLength());
        }
    }

    private static async Task<object?> QueryAsync(int port, string? password, string sql)
    {
        await using var db = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=_x1;Pooling=false");
        await db.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync(Token);
    }

    private async Task<List<JsonElement>> ExecutionsAsync(string schedule) =>
        [.. (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", Token)).GetProperty("executions").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }
}
