using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>
/// The application fields Coolify's PATCH (and every create route) takes: each is stored as given or refused with
/// 422 on that field, and a refused change leaves the application as it was (no half-done change).
/// </summary>
public sealed class ApplicationFieldsApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient _api = null!;
    private string _projectUuid = string.Empty;
    private string _serverUuid = string.Empty;

    public async ValueTask InitializeAsync()
    {
        (_api, _serverUuid, _projectUuid) = await TestPlace.CreateAsync(factory, "fields");
    }

    [Fact]
    public async Task Patch_StoresEveryFieldAsGiven()
    {
        var app = await CreateAsync();
        var change = new Dictionary<string, object>
        {
            ["name"] = "renamed", ["domains"] = "https://shop.example.com,http://www.shop.example.com:3000/api",
            ["ports_exposes"] = "3000", ["ports_mappings"] = "8080:3000,5353:53/udp",
            ["limits_memory"] = "512m", ["limits_cpus"] = "1.5", ["limits_cpuset"] = "0-1", ["limits_cpu_shares"] = 512,
            ["custom_labels"] = "traefik.enable=false\nteam=web",
            ["health_check_enabled"] = true, ["health_check_path"] = "/health", ["health_check_port"] = "3000", ["health_check_interval"] = 3,
            ["restart_policy"] = "on-failure", ["stop_grace_period"] = 20,
            // Shell text is the user's to write: it runs in the application's own container, one argument, literally.
            ["post_deployment_command"] = "php artisan migrate --force && echo \"$(date)\"",
        };

        using var patched = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", change, Token);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var stored = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}", Token);
        Assert.Equal("https://shop.example.com,http://www.shop.example.com:3000/api", stored.GetProperty("fqdn").GetString());
        foreach (var (field, value) in change.Where(c => c.Key is not ("domains")))
        {
            Assert.Equal(value.ToString(), stored.GetProperty(field) is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag ? flag.GetBoolean().ToString() : stored.GetProperty(field).ToString());
        }
    }

    [Theory]
    [InlineData("dockerfile_target_build", "production\nRUN id")]
    [InlineData("custom_labels", "team=web\ncoolify.resource=someone-else")]
    [InlineData("custom_labels", "a key=1")]
    [InlineData("ports_mappings", "8080:80;id")]
    [InlineData("ports_mappings", "70000:80")]
    [InlineData("limits_memory", "1g --privileged")]
    [InlineData("limits_cpuset", "0-1\n--cpus=8")]
    [InlineData("health_check_path", "/health id")]
    [InlineData("health_check_host", "localhost;id")]
    [InlineData("health_check_port", "80,81")]
    [InlineData("restart_policy", "always --privileged")]
    [InlineData("custom_docker_run_options", "--privileged")]
    [InlineData("base_directory", "/../etc")]
    [InlineData("publish_directory", "/$(id)")]
    [InlineData("dockerfile_location", "/Dockerfile\nRUN id")]
    [InlineData("static_image", "nginx;id")]
    [InlineData("build_pack", "nixpacks;id")]
    [InlineData("build_pack", "nixpacks")]
    [InlineData("domains", "https://shop.example.com;id")]
    [InlineData("domains", "https://shop.example.com`id`")]
    [InlineData("domains", "https://$(id).example.com")]
    [InlineData("domains", "https://shop.example.com\n}\n:80 {")]
    [InlineData("domains", "https://shop example.com")]
    [InlineData("domains", "https://ѕhop.example.com")] // Cyrillic 'ѕ'
    [InlineData("domains", "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com")]
    [InlineData("domains", "ftp://shop.example.com")]
    [InlineData("domains", "gopher://shop.example.com")]
    [InlineData("redirect", "sideways")]
    [InlineData("http_basic_auth_username", "ops\n}")]
    [InlineData("pre_deployment_command_container", "web app")]
    [InlineData("git_commit_sha", "HEAD;id")]
    public async Task HostileValue_IsRefusedOnItsField_AndNothingChanges(string field, string value)
    {
        var app = await CreateAsync();
        var before = await _api.GetStringAsync($"/api/v1/applications/{app}", Token);

        using var refused = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", new Dictionary<string, object> { ["name"] = "changed", [field] = value }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(before, await _api.GetStringAsync($"/api/v1/applications/{app}", Token));
    }

    [Fact]
    public async Task Domains_InUseOnTheServer_Answer409WithTheConflict_UnlessOverridden()
    {
        var domain = $"http://dup-{Guid.NewGuid():N}.example.com";
        var first = await CreateAsync();
        using (var taken = await _api.PatchAsJsonAsync($"/api/v1/applications/{first}", new { domains = domain }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        var second = await CreateAsync();
        var before = await _api.GetStringAsync($"/api/v1/applications/{second}", Token);
        using (var refused = await _api.PatchAsJsonAsync($"/api/v1/applications/{second}", new { domains = domain.Replace("http://", "https://", StringComparison.Ordinal) + "/" }, Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Contains("force_domain_override", body.GetProperty("message").GetString(), StringComparison.Ordinal);
            var conflict = Assert.Single(body.GetProperty("conflicts").EnumerateArray());
            Assert.Equal(first, conflict.GetProperty("resource_uuid").GetString());
            Assert.Equal("application", conflict.GetProperty("resource_type").GetString());
        }

        Assert.Equal(before, await _api.GetStringAsync($"/api/v1/applications/{second}", Token));
        using (var otherPath = await _api.PatchAsJsonAsync($"/api/v1/applications/{second}", new { domains = domain + "/api", force_domain_override = false }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, otherPath.StatusCode); // another path on the same host is another route
        }

        using (var overridden = await _api.PatchAsJsonAsync($"/api/v1/applications/{second}", new { domains = domain, force_domain_override = true }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        }
    }

    [Fact]
    public async Task CreateRoutes_RequireTheirSourcesFields()
    {
        var place = new Dictionary<string, object?> { ["project_uuid"] = _projectUuid, ["server_uuid"] = _serverUuid, ["environment_name"] = "production" };

        using var noDockerfile = await _api.PostAsJsonAsync("/api/v1/applications/dockerfile", place, Token);
        using var noKey = await _api.PostAsJsonAsync("/api/v1/applications/private-deploy-key", new Dictionary<string, object?>(place)
        {
            ["git_repository"] = "git@example.com:owner/repo.git", ["git_branch"] = "main", ["build_pack"] = "dockerfile", ["ports_exposes"] = "80",
            ["private_key_uuid"] = "not-a-key",
        }, Token);
        using var imageFromGit = await _api.PostAsJsonAsync("/api/v1/applications/public", new Dictionary<string, object?>(place)
        {
            ["git_repository"] = "https://example.com/owner/repo.git", ["git_branch"] = "main", ["build_pack"] = "dockerimage", ["ports_exposes"] = "80",
        }, Token);

        await AssertRefusedAsync(noDockerfile, "dockerfile");
        await AssertRefusedAsync(noKey, "private_key_uuid");
        await AssertRefusedAsync(imageFromGit, "build_pack");
    }

    [Fact]
    public async Task Tags_GroupApplications_ForTheListFilter_AndForDeployByTag()
    {
        var tag = $"web-{Guid.NewGuid():N}"[..12];
        var first = await CreateAsync();
        var second = await CreateAsync();
        var untagged = await CreateAsync();
        foreach (var app in new[] { first, second })
        {
            using var attached = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/tags", new { tag_names = new[] { tag, "shared" } }, Token);
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using (var again = await _api.PostAsJsonAsync($"/api/v1/applications/{first}/tags", new { tag_name = tag }, Token))
        {
            Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetArrayLength());
        }

        var listed = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications?tag={tag}", Token);
        Assert.Equal(new[] { first, second }.Order(), listed.EnumerateArray().Select(a => a.GetProperty("uuid").GetString()).Order());
        Assert.Contains(tag, await _api.GetStringAsync("/api/v1/tags", Token), StringComparison.Ordinal);

        using var deploy = await _api.PostAsync($"/api/v1/deploy?tag={tag}", null, Token);
        Assert.Equal(HttpStatusCode.OK, deploy.StatusCode);
        var queued = (await deploy.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("deployments").EnumerateArray()
            .Select(d => d.GetProperty("resource_uuid").GetString()).Order().ToList();
        Assert.Equal(new[] { first, second }.Order(), queued);
        Assert.DoesNotContain(untagged, queued);

        using var unknown = await _api.PostAsync("/api/v1/deploy?tag=no-such-tag", null, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        using var hostile = await _api.PostAsJsonAsync($"/api/v1/applications/{first}/tags", new { tag_name = "a,b" }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);

        var tagUuid = (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{first}/tags", Token)).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == tag).GetProperty("uuid").GetString();
        using var detached = await _api.DeleteAsync($"/api/v1/applications/{first}/tags/{tagUuid}", Token);
        Assert.Equal(HttpStatusCode.OK, detached.StatusCode);
        Assert.Equal([second], (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications?tag={tag}", Token)).EnumerateArray().Select(a => a.GetProperty("uuid").GetString()));
        foreach (var app in new[] { first, second })
        {
            foreach (var deployment in (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/deployments/applications/{app}", Token)).GetProperty("deployments").EnumerateArray())
            {
                using var cancelled = await _api.PostAsync($"/api/v1/deployments/{deployment.GetProperty("deployment_uuid").GetString()}/cancel", null, Token);
            }
        }
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<string> CreateAsync()
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/applications/dockerfile", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", dockerfile = "FROM scratch\n",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
    }

    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }
}
