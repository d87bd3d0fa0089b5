using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Proxy;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Services;

/// <summary>
/// The dockercompose build pack: an application whose compose file (and the image it builds) come from a git
/// repository deploys behind the proxy on the domain its SERVICE_URL_ declaration generated, and a redeploy rolls its
/// health-checked service out start-first while a client keeps asking (no request fails).
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ComposeApplicationTests : IAsyncLifetime
{
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"));
    private readonly TestGitServer _git = new();
    private TestPlace _place = null!;
    private string? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "compose from git");

    [Fact]
    public async Task Deploy_ComposeFromGit_BuildsServesOnItsDomain_AndRedeploysWithoutAFailedRequest()
    {
        Assert.SkipWhen(HttpdImage is null || CaddyImage is null, "no test images (run scripts/test.sh)");
        await _git.CommitAsync("compose-app", new Dictionary<string, string?>
        {
            ["deploy/compose.yaml"] = """
                services:
                  web:
                    build: ./web
                    environment:
                      - SERVICE_URL_WEB_80
                      - 'MESSAGE=${MESSAGE:-compose from git}'
                    healthcheck:
                      test: ['CMD', 'busybox', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/']
                      interval: 1s
                      timeout: 2s
                      retries: 60
                """,
            ["deploy/web/Dockerfile"] = $"""
                FROM {HttpdImage}
                CMD ["busybox", "sh", "-c", "trap 'exit 0' TERM; echo \"$MESSAGE in $(hostname)\" > /www/index.html; busybox httpd -f -p 80 -h /www & wait"]
                """,
        }, "a compose app");
        await _git.StartAsync();
        using var created = await _place.Api.PostAsJsonAsync("/api/v1/applications/public", new
        {
            project_uuid = _place.ProjectUuid, server_uuid = _place.ServerUuid, environment_name = "production", git_repository = _git.Url("compose-app"),
            git_branch = "main", build_pack = "dockercompose", base_directory = "/deploy", docker_compose_location = "/compose.yaml", ports_exposes = "80",
        }, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        _app = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        await ProxyScenario.StartProxyAsync(_place);

        var first = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
        Assert.True(first.Status == "finished", first.Log);
        Assert.Contains("web: started", first.Log, StringComparison.Ordinal);
        var application = await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{_app}", Token);
        var domains = JsonDocument.Parse(application.GetProperty("docker_compose_domains").GetString()!).RootElement;
        var host = new Uri(domains.GetProperty("web").GetProperty("domain").GetString()!).Host;
        Assert.StartsWith($"web-{_app}.", host, StringComparison.Ordinal);
        var page = await ComposeServiceDeploymentTests.WaitForPageAsync(host, "compose from git in ");

        using var stop = new CancellationTokenSource();
        var load = SteadyRequests.RunAsync(host, "compose from git in ", stop.Token);
        var clock = Stopwatch.StartNew();
        var redeploy = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
        Assert.True(redeploy.Status == "finished", redeploy.Log);
        Assert.Contains("web: rolled out start-first", redeploy.Log, StringComparison.Ordinal);
        var after = await ComposeServiceDeploymentTests.WaitForPageAsync(host, "compose from git in ");
        await stop.CancelAsync();
        var (sent, failures) = await load;

        Assert.NotEqual(page, after);
        Assert.True(sent >= 10 * clock.Elapsed.TotalSeconds, $"only {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed: {string.Join("; ", failures.Take(5))}");

        // Deleted, it leaves no container, built image or network of its own behind.
        using (var deleted = await _place.Api.DeleteAsync($"/api/v1/applications/{_app}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        var docker = new Coolify.Core.Docker.DockerCli(new Coolify.Infrastructure.Servers.LocalServerShell());
        Assert.Empty(await docker.PsAsync($"coolify.resource={_app}", Token));
        Assert.Empty(await docker.ImagesWithLabelAsync($"coolify.resource={_app}", Token));
        Assert.False(await docker.NetworkExistsAsync(_app, Token));
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/applications/{_app}", CancellationToken.None)).Dispose();
        }

        await ProxyScenario.TearDownAsync(_place);
        await _git.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
