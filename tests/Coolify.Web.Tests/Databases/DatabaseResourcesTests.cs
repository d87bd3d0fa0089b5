using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Databases;

/// <summary>
/// A database's environment variables, storages and tags through Coolify's <c>/databases/{uuid}/...</c> routes: what
/// the container gets when it starts (on the real dockerd), what the API shows and to whom, and what it refuses.
/// </summary>
public sealed class DatabaseResourcesTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly LocalServerShell Host = new();

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "database-resources");

    [Fact]
    public async Task Start_GivesTheContainerTheUsersVariablesAndStorages_TheEnginesPasswordWinning()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new { name = "with-extras", image = Image, postgres_password = "engine-pass", health_check_interval = 1 });
        await CreatedAsync($"/api/v1/databases/{_uuid}/envs", new { key = "TZ", value = "Europe/Paris" });
        await CreatedAsync($"/api/v1/databases/{_uuid}/envs", new { key = "POSTGRES_PASSWORD", value = "hijacked" });
        await CreatedAsync($"/api/v1/databases/{_uuid}/storages", new { type = "persistent", name = "archive", mount_path = "/archive" });
        await CreatedAsync($"/api/v1/databases/{_uuid}/storages", new { type = "file", mount_path = "/etc/coolify/note.txt", content = "from the API" });

        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");

        var environment = JsonSerializer.Deserialize<string[]>((await DockerAsync("inspect", "--format", "{{json .Config.Env}}", _uuid)).Output)!;
        Assert.Contains("TZ=Europe/Paris", environment);
        Assert.Contains("POSTGRES_PASSWORD=engine-pass", environment);
        Assert.DoesNotContain("POSTGRES_PASSWORD=hijacked", environment);

        var mounts = JsonSerializer.Deserialize<JsonElement>((await DockerAsync("inspect", "--format", "{{json .Mounts}}", _uuid)).Output);
        Assert.Contains(mounts.EnumerateArray(), m => m.GetProperty("Destination").GetString() == "/archive" && m.GetProperty("Name").GetString() == $"{_uuid}-archive");
        Assert.Equal("from the API", (await DockerAsync("exec", _uuid, "cat", "/etc/coolify/note.txt")).Output.TrimEnd());

        // Deleted with its volumes: the user's named volume goes with the engine's.
        using (var deleted = await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(string.Empty, (await DockerAsync("volume", "ls", "--quiet", "--filter", $"name={_uuid}-archive")).Output.Trim());
        _uuid = null;
    }

    [Fact]
    public async Task Variables_StorageAndTags_AreTheDatabasesOwn_SecretsHidden_HostileInputRefused_OtherTeamsGet404()
    {
        // Not started: nothing here needs Docker.
        _uuid = await DatabaseScenario.CreateAsync(_place, "postgresql", new { name = "bookkeeping" });
        var envs = $"/api/v1/databases/{_uuid}/envs";
        await CreatedAsync(envs, new { key = "API_KEY", value = "s3cr3t" });
        using (var bulk = await _place.Api.PatchAsJsonAsync($"{envs}/bulk", new { data = new[] { new { key = "API_KEY", value = "rotated" }, new { key = "MODE", value = "ro" } } }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, bulk.StatusCode);
        }

        Assert.Equal("rotated", (await ListAsync(_place.Api, envs)).Single(v => v.GetProperty("key").GetString() == "API_KEY").GetProperty("value").GetString());
        var admin = await _factory.InstanceAdminAsync();
        using (var reader = _factory.CreateApiClient(await _factory.CreateTokenAsync(admin, await _factory.TeamIdOfAsync(admin), Abilities.Read)))
        {
            var body = await reader.GetStringAsync(envs, Token);
            Assert.Contains("API_KEY", body, StringComparison.Ordinal);
            Assert.DoesNotContain("rotated", body, StringComparison.Ordinal);
        }

        // Hostile keys and paths: 422, and nothing stored.
        var storages = $"/api/v1/databases/{_uuid}/storages";
        foreach (var (path, hostile) in new (string, object)[]
        {
            (envs, new { key = "BAD KEY;reboot", value = "x" }), (envs, new { key = "1ST", value = "x" }),
            (storages, new { type = "persistent", name = "x", mount_path = "/data/../../etc" }),
            (storages, new { type = "persistent", name = "x", mount_path = "/data:/host" }),
            (storages, new { type = "file", mount_path = "relative/file", content = "x" }),
            (storages, new { type = "persistent", name = "x;rm", mount_path = "/data" }),
        })
        {
            using var refused = await _place.Api.PostAsJsonAsync(path, hostile, Token);
            Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{JsonSerializer.Serialize(hostile)}: {(int)refused.StatusCode}");
        }

        // The engine's data folder is taken already.
        using (var taken = await _place.Api.PostAsJsonAsync(storages, new { type = "persistent", name = "x", mount_path = "/var/lib/postgresql/data" }, Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        }

        Assert.Equal(2, (await ListAsync(_place.Api, envs)).Count);
        var stored = await _place.Api.GetFromJsonAsync<JsonElement>(storages, Token);
        Assert.Equal(0, stored.GetProperty("persistent_storages").GetArrayLength() + stored.GetProperty("file_storages").GetArrayLength());

        // Tags: attached by name, listed, detached.
        var tags = $"/api/v1/databases/{_uuid}/tags";
        using (var attached = await _place.Api.PostAsJsonAsync(tags, new { tag_names = new[] { "finance", "eu" } }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        var finance = (await ListAsync(_place.Api, tags)).Single(t => t.GetProperty("name").GetString() == "finance").GetProperty("uuid").GetString();
        using (var detached = await _place.Api.DeleteAsync($"{tags}/{finance}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, detached.StatusCode);
        }

        Assert.Equal(["eu"], (await ListAsync(_place.Api, tags)).Select(t => t.GetProperty("name").GetString()));

        // Another team sees none of it and changes none of it.
        var stranger = await _factory.RegisterAsync("Stranger", $"stranger-{Guid.NewGuid():N}@example.com");
        using var other = _factory.CreateApiClient(await _factory.CreateTokenAsync(stranger, await _factory.TeamIdOfAsync(stranger), Abilities.Root));
        foreach (var path in new[] { envs, storages, tags })
        {
            using var read = await other.GetAsync(path, Token);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using (var written = await other.PostAsJsonAsync(envs, new { key = "INJECTED", value = "x" }, Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, written.StatusCode);
        }

        Assert.DoesNotContain(await ListAsync(_place.Api, envs), v => v.GetProperty("key").GetString() == "INJECTED");
    }

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }

    private async Task CreatedAsync(string path, object body)
    {
        using var response = await _place.Api.PostAsJsonAsync(path, body, Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path, Token)).EnumerateArray()];

    private static Task<CommandResult> DockerAsync(params string[] arguments) =>
        Host.RunAsync(ShellCommand.Of("docker", arguments), cancellationToken: Token);
}
