using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;
using Npgsql;

namespace Coolify.Web.Tests.Databases;

/// <summary>
/// A PostgreSQL database on the real dockerd (an image built from Debian's postgresql with the official image's
/// contract): created from the API with a hostile password, an init script and its own configuration, started,
/// reached from here with Npgsql on its public port, restarted with its data, refused when its input is hostile.
/// </summary>
public sealed class PostgresDatabaseTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly LocalServerShell Host = new();

    // Every character a shell, Compose or SQL could trip on, and it must still log in.
    private const string HostilePassword = "p'a\"s$HOME;w`id` o\\rd$$x";

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "databases");

    [Fact]
    public async Task Postgres_StartsWithItsSettings_AnswersWithAHostilePassword_AndKeepsItsDataAcrossARestart()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new
        {
            name = "orders", image = Image, postgres_user = "shop", postgres_password = HostilePassword, postgres_db = "orders",
            is_public = true, public_port = port, health_check_interval = 1,
            postgres_conf = Convert.ToBase64String("max_connections = 42\n"u8.ToArray()),
            init_scripts = new[] { new { filename = "01-schema.sql", content = "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);" } },
        });

        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");

        // The URLs and the password: only for a token that may read secrets (this one may).
        var shown = await DatabaseScenario.GetAsync(_place, _uuid);
        Assert.Equal(HostilePassword, shown.GetProperty("postgres_password").GetString());
        Assert.Equal($"postgres://shop:{Uri.EscapeDataString(HostilePassword)}@{_uuid}:5432/orders", shown.GetProperty("internal_db_url").GetString());

        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "shop", Password = HostilePassword, Database = "orders", Pooling = false }.ConnectionString;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using (var insert = new NpgsqlCommand("INSERT INTO items VALUES (1, 'lamp'), (2, 'desk')", db))
            {
                Assert.Equal(2, await insert.ExecuteNonQueryAsync(Token));
            }

            await using var setting = new NpgsqlCommand("SHOW max_connections", db);
            Assert.Equal("42", await setting.ExecuteScalarAsync(Token));
        }

        // Neither Compose nor a shell touched it on the way: the container's environment holds it as typed.
        var environment = await Host.RunAsync(ShellCommand.Of("docker", "inspect", "--format", "{{json .Config.Env}}", _uuid), cancellationToken: Token);
        Assert.Contains("POSTGRES_PASSWORD=" + HostilePassword, JsonSerializer.Deserialize<string[]>(environment.Output)!);

        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/restart");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var count = new NpgsqlCommand("SELECT string_agg(name, ',' ORDER BY id) FROM items", db);
            Assert.Equal("lamp,desk", await count.ExecuteScalarAsync(Token));
        }

        // A new name leaves the running container alone; a new configuration makes it again, with the data.
        var containerId = await ContainerIdAsync(_uuid);
        await PatchAsync(new { name = "orders-renamed", description = "the shop's orders" });
        Assert.Equal(containerId, await ContainerIdAsync(_uuid));
        await PatchAsync(new { postgres_conf = Convert.ToBase64String("max_connections = 43\n"u8.ToArray()) });
        Assert.NotEqual(containerId, await ContainerIdAsync(_uuid));
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync(Token);
            await using var setting = new NpgsqlCommand("SELECT current_setting('max_connections') || ':' || (SELECT count(*) FROM items)", db);
            Assert.Equal("43:2", await setting.ExecuteScalarAsync(Token));
        }

        // The same public port for a second database is refused, and so is hostile input; nothing is created.
        var before = (await _place.Api.GetFromJsonAsync<JsonElement>("/api/v1/databases", Token)).GetArrayLength();
        foreach (var hostile in new object[]
        {
            new { postgres_user = "bad;user" }, new { postgres_db = "orders db" }, new { postgres_password = "line\nbreak" },
            new { is_public = true, public_port = port }, new { redis_password = "x" }, new { image = "postgres:16;rm -rf /" },
            new { init_scripts = new[] { new { filename = "../../etc/cron.d/x.sql", content = "x" } } },
            new { postgres_initdb_args = "--data-checksums $(reboot)" },
        })
        {
            var body = JsonSerializer.SerializeToNode(hostile)!.AsObject();
            body["project_uuid"] = _place.ProjectUuid;
            body["server_uuid"] = _place.ServerUuid;
            body["environment_name"] = "production";
            using var refused = await _place.Api.PostAsJsonAsync("/api/v1/databases/postgresql", body, Token);
            Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{body.ToJsonString()}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync(Token)}");
        }

        Assert.Equal(before, (await _place.Api.GetFromJsonAsync<JsonElement>("/api/v1/databases", Token)).GetArrayLength());

        // Deleted with its volume (Coolify's default).
        using (var deleted = await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        var volumes = await Host.RunAsync(ShellCommand.Of("docker", "volume", "ls", "--quiet", "--filter", $"name=postgres-data-{_uuid}"), cancellationToken: Token);
        Assert.Equal(string.Empty, volumes.Output.Trim());
        Assert.Equal("missing", await new Coolify.Core.Docker.DockerCli(Host).ContainerStatusAsync(_uuid, Token));
        _uuid = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }

    private async Task PatchAsync(object change)
    {
        using var patched = await _place.Api.PatchAsJsonAsync($"/api/v1/databases/{_uuid}", change, Token);
        Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync(Token));
    }

    private static async Task<string> ContainerIdAsync(string uuid) =>
        (await Host.RunAsync(ShellCommand.Of("docker", "inspect", "--format", "{{.Id}}", uuid), cancellationToken: Token)).Output.Trim();
}
