using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coolify.Web.Tests.Support;
using static Coolify.Web.Tests.Services.ComposeServiceScenario;

namespace Coolify.Web.Tests.Services;

/// <summary>
/// Compose files through POST /services: hostile ones are refused with Coolify's 422 body and a message saying why,
/// and nothing is stored (so nothing can start); one-click templates and admin-allowed options are taken.
/// </summary>
public sealed class ServiceInputTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private TestPlace _place = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(factory, $"hostile compose {Guid.NewGuid():N}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string> Hostile() => new()
    {
        { "services:\n  'web;touch /tmp/pwned':\n    image: nginx", "is not a valid service name" },
        { "services:\n  web:\n    image: nginx\n    privileged: true", "services.web.privileged: full access to the host" },
        { "services:\n  web:\n    image: nginx\n    volumes: ['/:/host']", "/: the whole host file system" },
        { "services:\n  web:\n    image: nginx\n    volumes: ['/var/run/docker.sock:/var/run/docker.sock']", "the Docker socket" },
        { "services:\n  web:\n    image: nginx\n    network_mode: host", "services.web.network_mode" },
        { "services:\n  web:\n    image: nginx\n    volumes: ['$$(id):/x']", "is not a valid volume name" },
        { "services:\n  web:\n    image: nginx\n    volumes: ['../../../etc:/etc2']", "leaves the resource's folder" },
        { BillionLaughs(), "expands to more than" },
        { "services:\n  web:\n    image: nginx\n# " + new string('x', 10 * 1024 * 1024), "larger than 1024 KB" },
        { "services: [", "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Create_HostileCompose_Refused422AndNothingStored(string compose, string expected)
    {
        using var response = await CreateAsync(_place, compose, new { instant_deploy = true });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = body.GetProperty("errors").GetProperty("docker_compose_raw").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(expected, StringComparison.Ordinal));
        Assert.Empty((await _place.Api.GetFromJsonAsync<JsonElement>("/api/v1/services", Token)).EnumerateArray());
    }

    [Fact]
    public async Task Create_ComposeNotBase64_Refused422()
    {
        using var response = await _place.Api.PostAsJsonAsync("/api/v1/services", new
        {
            project_uuid = _place.ProjectUuid, server_uuid = _place.ServerUuid, environment_name = "production", docker_compose_raw = "services: {}",
        }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("base64", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RiskyOptionAllowedByTheTeamsOwner_Stored()
    {
        using var response = await CreateAsync(_place, "services:\n  web:\n    image: nginx\n    privileged: true", new { allow_risky_options = true });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
        var uuid = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        var service = await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{uuid}", Token);
        Assert.True(service.GetProperty("allow_risky_options").GetBoolean());
        (await _place.Api.DeleteAsync($"/api/v1/services/{uuid}?delete_volumes=true", Token)).Dispose();
    }

    [Fact]
    public async Task Create_FromTemplate_GetsItsDomainAndGeneratedValues()
    {
        using var response = await _place.Api.PostAsJsonAsync("/api/v1/services", new
        {
            type = "uptime-kuma", project_uuid = _place.ProjectUuid, server_uuid = _place.ServerUuid, environment_name = "production",
        }, Token);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var uuid = body.GetProperty("uuid").GetString()!;
        var domain = new Uri(Assert.Single(body.GetProperty("domains").EnumerateArray()).GetString()!);
        Assert.StartsWith($"uptimekuma-{uuid}.", domain.Host, StringComparison.Ordinal);
        Assert.Equal(3001, domain.Port);
        var variables = await VariablesAsync(_place, uuid);
        Assert.Equal($"http://{domain.Host}:3001", variables["SERVICE_URL_UPTIMEKUMA_3001"]);
        var service = await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{uuid}", Token);
        Assert.Equal("uptime-kuma", service.GetProperty("service_type").GetString());
        (await _place.Api.DeleteAsync($"/api/v1/services/{uuid}?delete_volumes=true", Token)).Dispose();
    }

    [Fact]
    public async Task Create_DomainAnotherServiceUses_Refused409UnlessForced()
    {
        const string compose = "services:\n  web:\n    image: nginx\n";
        var host = $"taken-{Guid.NewGuid():N}.example.com";
        using var first = await CreateAsync(_place, compose, new { urls = new[] { new { name = "web", url = $"http://{host}" } } });
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Token));

        using var second = await CreateAsync(_place, compose, new { urls = new[] { new { name = "web", url = $"https://{host}" } } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(host, await second.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Single((await _place.Api.GetFromJsonAsync<JsonElement>("/api/v1/services", Token)).EnumerateArray());

        using var forced = await CreateAsync(_place, compose, new { urls = new[] { new { name = "web", url = $"https://{host}" } }, force_domain_override = true });
        Assert.Equal(HttpStatusCode.Created, forced.StatusCode);
        foreach (var service in (await _place.Api.GetFromJsonAsync<JsonElement>("/api/v1/services", Token)).EnumerateArray())
        {
            (await _place.Api.DeleteAsync($"/api/v1/services/{service.GetProperty("uuid").GetString()}", Token)).Dispose();
        }
    }

    [Fact]
    public async Task Create_InstantDeployThatCannotStart_CreatedWithItsUuidAndWhy()
    {
        using var created = await CreateAsync(_place, "services:\n  web:\n    image: nginx\n    environment:\n      - 'TOKEN=${API_TOKEN:?}'", new { instant_deploy = true });

        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("The variable API_TOKEN is required.", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        (await _place.Api.DeleteAsync($"/api/v1/services/{body.GetProperty("uuid").GetString()}", Token)).Dispose();
    }

    [Fact]
    public async Task Start_RequiredVariableWithoutValue_Refused422NamingIt()
    {
        using var created = await CreateAsync(_place, "services:\n  web:\n    image: nginx\n    environment:\n      - 'TOKEN=${API_TOKEN:?}'");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var uuid = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();

        using var started = await _place.Api.PostAsync($"/api/v1/services/{uuid}/start", null, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, started.StatusCode);
        Assert.Contains("The variable API_TOKEN is required.", await started.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        (await _place.Api.DeleteAsync($"/api/v1/services/{uuid}?delete_volumes=true", Token)).Dispose();
    }

    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        return yaml.Append("services:\n  web:\n    image: nginx\n    command: *a9\n").ToString();
    }
}
