using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>Coolify's /applications/{uuid}/envs routes: values are secrets, keys are names, bulk changes are whole.</summary>
public sealed class EnvironmentVariablesApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Values_NeedReadSensitive_ShownOnceNeverComeBack_AndKeysAreUnique()
    {
        var (root, reader, app) = await ApplicationAsync();

        using var created = await root.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "DATABASE_URL", value = "postgres://u:p@db/app" }, Token);
        using var once = await root.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "API_KEY", value = "sk-live-123456", is_shown_once = true }, Token);
        using var twice = await root.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "DATABASE_URL", value = "other" }, Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, once.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var full = await root.GetStringAsync($"/api/v1/applications/{app}/envs", Token);
        var plain = await reader.GetStringAsync($"/api/v1/applications/{app}/envs", Token);
        Assert.Contains("postgres://u:p@db/app", full, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-123456", full, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres://", plain, StringComparison.Ordinal);
        Assert.Contains("\"key\":\"API_KEY\"", plain, StringComparison.Ordinal);

        // Un-setting shown-once does not reveal the value again.
        using var reveal = await root.PatchAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "API_KEY", is_shown_once = false }, Token);
        Assert.Equal(HttpStatusCode.Created, reveal.StatusCode);
        Assert.DoesNotContain("sk-live-123456", await root.GetStringAsync($"/api/v1/applications/{app}/envs", Token), StringComparison.Ordinal);

        using var changed = await root.PatchAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "DATABASE_URL", value = "postgres://new" }, Token);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var uuid = (await changed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        Assert.Contains("postgres://new", await root.GetStringAsync($"/api/v1/applications/{app}/envs", Token), StringComparison.Ordinal);
        using var deleted = await root.DeleteAsync($"/api/v1/applications/{app}/envs/{uuid}", Token);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await root.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/envs", Token)).GetArrayLength());
    }

    [Theory]
    [InlineData("A B")]
    [InlineData("A=B")]
    [InlineData("1ABC")]
    [InlineData("$(id)")]
    [InlineData("KEY\nOTHER")]
    [InlineData("")]
    public async Task BadKey_Is422_AndABulkChangeWithOneIsRefusedWhole(string key)
    {
        var (root, _, app) = await ApplicationAsync();

        using var single = await root.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key, value = "x" }, Token);
        using var bulk = await root.PatchAsJsonAsync($"/api/v1/applications/{app}/envs/bulk", new
        {
            data = new object[] { new { key = "GOOD", value = "1" }, new { key, value = "2" } },
        }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, single.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bulk.StatusCode);
        Assert.Contains("data.1.key", await bulk.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(0, (await root.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/envs", Token)).GetArrayLength());
    }

    [Fact]
    public async Task Bulk_CreatesAndUpdates()
    {
        var (root, _, app) = await ApplicationAsync();
        using var first = await root.PatchAsJsonAsync($"/api/v1/applications/{app}/envs/bulk", new { data = new[] { new { key = "A", value = "1" }, new { key = "B", value = "2" } } }, Token);
        using var second = await root.PatchAsJsonAsync($"/api/v1/applications/{app}/envs/bulk", new { data = new[] { new { key = "B", value = "3" }, new { key = "C", value = "line one\nline two" } } }, Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var list = (await root.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/envs", Token)).EnumerateArray()
            .ToDictionary(v => v.GetProperty("key").GetString()!, v => (Value: v.GetProperty("value").GetString(), Multiline: v.GetProperty("is_multiline").GetBoolean()));
        Assert.Equal(["A", "B", "C"], list.Keys.Order());
        Assert.Equal("3", list["B"].Value);
        Assert.True(list["C"].Multiline);
    }

    private async Task<(HttpClient Root, HttpClient Reader, string App)> ApplicationAsync()
    {
        var owner = await factory.RegisterAsync("Env Owner", $"envs-{Guid.NewGuid():N}@example.com");
        var team = await factory.TeamIdOfAsync(owner);
        var root = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Root));
        var reader = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Read));
        using var key = await root.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "k" }, Token);
        var keyUuid = (await key.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var server = await root.PostAsJsonAsync("/api/v1/servers", new { name = "s", ip = "10.0.0.9", private_key_uuid = keyUuid }, Token);
        var serverUuid = (await server.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var project = await root.PostAsJsonAsync("/api/v1/projects", new { name = "p" }, Token);
        var projectUuid = (await project.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var app = await root.PostAsJsonAsync("/api/v1/applications/dockerimage", new
        {
            project_uuid = projectUuid, server_uuid = serverUuid, environment_name = "production", docker_registry_image_name = "nginx",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, app.StatusCode);
        return (root, reader, (await app.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!);
    }
}
