using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// A server whose proxy is Traefik, on the real dockerd with a stand-in image in Traefik's place (Traefik cannot be
/// installed here: scripts/images/traefik-standin.Dockerfile). What the product gives Traefik is checked — the
/// command line, the dynamic file following each rollout, the server's own file checked as YAML, a static change
/// making the container again; Traefik's reading of them is covered by the unit tests of the generated output.
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class TraefikProxyTests : IAsyncLifetime
{
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? StandIn = TestPlace.Image("COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE");
    private static readonly LocalServerShell Host = new();

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_TRAEFIK", StandIn ?? "traefik:v3.5"));
    private readonly string _domain = $"traefik-{Guid.NewGuid():N}"[..16] + ".coolify.test";
    private TestPlace _place = null!;
    private string? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "traefik");

    [Fact]
    public async Task TraefikServer_GetsItsCommandLine_AndADynamicFileThatFollowsEachRollout()
    {
        Assert.SkipWhen(HttpdImage is null || StandIn is null, "no test images (run scripts/test.sh)");
        var proxyUrl = $"/api/v1/servers/{_place.ServerUuid}/proxy";
        using (var switched = await _place.Api.PatchAsJsonAsync(proxyUrl, new { proxy_type = "traefik" }, Token))
        {
            Assert.True(switched.StatusCode == HttpStatusCode.OK, await switched.Content.ReadAsStringAsync(Token));
        }

        _app = await ProxyScenario.CreateImageAppAsync(_place, HttpdImage!, "traefik", $"http://{_domain}");
        await ProxyScenario.StartProxyAsync(_place);
        var arguments = await CommandLineAsync();
        Assert.Contains("--providers.file.directory=/traefik/dynamic", arguments);
        Assert.Contains("--providers.docker.exposedbydefault=false", arguments);

        // Each rollout moves the route in the dynamic file to the new container, after its health gate.
        await DeployAsync();
        var first = await DeploymentWaiter.SoleContainerAsync(_app);
        var generated = await ReadAsync("/traefik/dynamic/coolify.yaml");
        Assert.Contains($"Host(`{_domain}`)", generated, StringComparison.Ordinal);
        Assert.Contains($"'http://{first}:80'", generated, StringComparison.Ordinal);
        await DeployAsync();
        var second = await DeploymentWaiter.SoleContainerAsync(_app);
        Assert.NotEqual(first, second);
        generated = await ReadAsync("/traefik/dynamic/coolify.yaml");
        Assert.Contains($"'http://{second}:80'", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(first, generated, StringComparison.Ordinal);

        // The server's own file: refused when it is not YAML (nothing written), else put beside the generated one.
        using (var broken = await _place.Api.PutAsJsonAsync($"{proxyUrl}/configuration", new { configuration = "http:\n  routers: [\n" }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
            Assert.Contains("Not valid YAML", await broken.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.False((await Host.RunAsync(ShellCommand.Of("docker", "exec", "coolify-proxy", "test", "-e", "/traefik/dynamic/custom.yaml"), cancellationToken: Token)).Succeeded);
        const string Custom = "http:\n  middlewares:\n    team-headers:\n      headers:\n        customResponseHeaders:\n          X-Team: ops\n";
        using (var saved = await _place.Api.PutAsJsonAsync($"{proxyUrl}/configuration", new { configuration = Custom }, Token))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal(Custom, await ReadAsync("/traefik/dynamic/custom.yaml"));

        // ACME settings are Traefik's static configuration: the container is made again with them.
        using (var settings = await _place.Api.PatchAsJsonAsync("/api/v1/settings", new { acme_email = "ops@coolify.test" }, Token))
        {
            Assert.True(settings.StatusCode == HttpStatusCode.OK, await settings.Content.ReadAsStringAsync(Token));
        }

        Assert.Contains("--certificatesresolvers.letsencrypt.acme.email=ops@coolify.test", await CommandLineAsync());
        Assert.Equal(Custom, await ReadAsync("/traefik/dynamic/custom.yaml")); // the volume kept the files
        var proxy = await _place.Api.GetFromJsonAsync<JsonElement>(proxyUrl, Token);
        Assert.Equal(("traefik", "running"), (proxy.GetProperty("proxy_type").GetString(), proxy.GetProperty("status").GetString()));
        Assert.Contains("acme.email=ops@coolify.test", proxy.GetProperty("applied_configuration").GetString(), StringComparison.Ordinal);
    }

    private async Task DeployAsync()
    {
        var deployed = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app!));
        Assert.True(deployed.Status == "finished", deployed.Log);
    }

    private static async Task<List<string>> CommandLineAsync()
    {
        var inspect = ShellCommand.Of("docker", "inspect", "--format", "{{json .Config.Cmd}}", "coolify-proxy");
        var output = (await Host.RunAsync(inspect, cancellationToken: Token)).EnsureSuccess(inspect).Output;
        return JsonSerializer.Deserialize<List<string>>(output)!;
    }

    private static async Task<string> ReadAsync(string path)
    {
        var cat = ShellCommand.Of("docker", "exec", "coolify-proxy", "cat", path);
        return (await Host.RunAsync(cat, cancellationToken: Token)).EnsureSuccess(cat).Output;
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyScenario.TearDownAsync(_place, _app);
        await Host.RunAsync(ShellCommand.Of("docker", "volume", "rm", "-f", "coolify-proxy-traefik"), cancellationToken: CancellationToken.None);
        await _factory.DisposeAsync();
    }
}
