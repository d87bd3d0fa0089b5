using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// Applications reached through the host's Caddy proxy by host name and path, as the database describes them:
/// started from the API, routes applied after each deployment and change, unknown hosts answered 503, basic auth,
/// www redirects, and a custom configuration that Caddy refuses leaving the running one serving.
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ProxyRoutingTests : IAsyncLifetime
{
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    // Servers checked every second, so a proxy stopped behind the product's back shows quickly.
    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(
        ("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"), ("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly HttpClient _http = ProxyClient.Create();
    private TestPlace _place = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "proxy");

    [Fact]
    public async Task DeployedApps_AnswerByHostAndPath_WithAuthRedirectsAndCatchAll_AndABadCustomConfigIsRefused()
    {
        Assert.SkipWhen(HttpdImage is null || CaddyImage is null, "no test images (run scripts/test.sh)");
        var site = $"site-{_id}.coolify.test";
        var front = await CreateAppAsync("front", $"http://{site},http://www.{site}");
        var back = await CreateAppAsync("back", $"http://{site}/back");
        using (var page = await _place.Api.PostAsJsonAsync($"/api/v1/applications/{back}/storages", new { type = "file", mount_path = "/www/index.html", content = "hello from back\n" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, page.StatusCode);
        }

        await ProxyScenario.StartProxyAsync(_place);

        foreach (var app in new[] { front, back })
        {
            var deployed = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, app));
            Assert.True(deployed.Status == "finished", deployed.Log);
            Assert.Contains($"The proxy sends http://{site}", deployed.Log, StringComparison.Ordinal);
        }

        // By host, and by path prefix (stripped before it reaches the application).
        Assert.Equal((HttpStatusCode.OK, "hello from coolify-test/httpd\n"), await BodyAsync(site, "/"));
        Assert.Equal((HttpStatusCode.OK, "hello from back\n"), await BodyAsync(site, "/back"));
        Assert.Equal((HttpStatusCode.OK, "hello from back\n"), await BodyAsync(site, "/back/index.html"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await BodyAsync($"nobody-{_id}.coolify.test", "/")).Status);

        // www → non-www, noindex and basic auth, as soon as the application is changed.
        await PatchAsync(front, new { redirect = "non-www", noindex_domains = new[] { $"http://{site}", "http://elsewhere.example.com" } });
        var (_, _, indexed) = await ProxyClient.GetAsync(_http, site, "/");
        using (indexed)
        {
            Assert.Equal("noindex, nofollow", string.Join(", ", indexed.Headers.GetValues("X-Robots-Tag")));
        }

        var frontNow = await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{front}", Token);
        Assert.Equal([$"http://{site}"], frontNow.GetProperty("noindex_domains").EnumerateArray().Select(d => d.GetString()));
        var (_, _, backIndexed) = await ProxyClient.GetAsync(_http, site, "/back");
        using (backIndexed)
        {
            Assert.False(backIndexed.Headers.Contains("X-Robots-Tag"));
        }


        var (status, _, redirect) = await ProxyClient.GetAsync(_http, $"www.{site}", "/page?x=1");
        using (redirect)
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, status);
            Assert.Equal($"http://{site}/page?x=1", redirect.Headers.Location?.ToString());
        }

        await PatchAsync(back, new { is_http_basic_auth_enabled = true, http_basic_auth_username = "ops", http_basic_auth_password = "s3cret pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await BodyAsync(site, "/back")).Status);
        var (authorized, body, response) = await ProxyClient.GetAsync(_http, site, "/back", ("ops", "s3cret pass"));
        response.Dispose();
        Assert.Equal((HttpStatusCode.OK, "hello from back\n"), (authorized, body));
        Assert.Equal(HttpStatusCode.OK, (await BodyAsync(site, "/")).Status);

        // The server's own configuration: Caddy's validator refuses a broken one, and the running one keeps serving.
        using (var broken = await _place.Api.PutAsJsonAsync($"/api/v1/servers/{_place.ServerUuid}/proxy/configuration", new { configuration = "http://extra.coolify.test {\n\treverse_proxy\n" }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
            Assert.Contains("refused", await broken.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.Equal((HttpStatusCode.OK, "hello from coolify-test/httpd\n"), await BodyAsync(site, "/"));
        var custom = $"http://extra-{_id}.coolify.test {{\n\trespond \"custom route\" 200\n}}\n";
        using (var saved = await _place.Api.PutAsJsonAsync($"/api/v1/servers/{_place.ServerUuid}/proxy/configuration", new { configuration = custom }, Token))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal((HttpStatusCode.OK, "custom route"), await BodyAsync($"extra-{_id}.coolify.test", "/"));
        var proxy = await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/servers/{_place.ServerUuid}/proxy", Token);
        Assert.Equal("running", proxy.GetProperty("status").GetString());
        Assert.Contains(site, proxy.GetProperty("applied_configuration").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, proxy.GetProperty("last_error").ValueKind);

        // A stopped application leaves the proxy: its host is unknown again.
        using (var stopped = await _place.Api.PostAsync($"/api/v1/applications/{front}/stop", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await BodyAsync(site, "/")).Status);

        // Published ports: checked, then the running proxy is made again on the new ones.
        using (var refused = await _place.Api.PatchAsJsonAsync($"/api/v1/servers/{_place.ServerUuid}/proxy", new { http_port = 70000, https_port = 70000 }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("http_port", out _) && errors.TryGetProperty("https_port", out _), errors.ToString());
        }

        using (var moved = await _place.Api.PatchAsJsonAsync($"/api/v1/servers/{_place.ServerUuid}/proxy", new { http_port = 8088, https_port = 8443 }, Token))
        {
            Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Token));
        }

        Assert.Equal((HttpStatusCode.OK, "custom route"), await OnceListeningAsync($"extra-{_id}.coolify.test", 8088));
        await Assert.ThrowsAsync<HttpRequestException>(() => ProxyClient.GetAsync(_http, $"extra-{_id}.coolify.test", "/"));

        // The proxy stopped behind the product's back: the server checks notice, and the stored state says so.
        await new Coolify.Infrastructure.Servers.LocalServerShell().RunAsync(Coolify.Core.Commands.ShellCommand.Of("docker", "stop", "coolify-proxy"), cancellationToken: Token);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/servers/{_place.ServerUuid}/proxy", deadline.Token)).GetProperty("status").GetString() != "exited")
        {
            await Task.Delay(250, deadline.Token); // polling a condition: the next server check
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyScenario.TearDownAsync(_place, [.. _apps]);

        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private readonly List<string> _apps = [];

    private async Task<string> CreateAppAsync(string name, string domains)
    {
        var uuid = await ProxyScenario.CreateImageAppAsync(_place, HttpdImage!, name, domains);
        _apps.Add(uuid);
        return uuid;
    }

    private async Task PatchAsync(string app, object change)
    {
        using var patched = await _place.Api.PatchAsJsonAsync($"/api/v1/applications/{app}", change, Token);
        Assert.True(patched.StatusCode == HttpStatusCode.OK, await patched.Content.ReadAsStringAsync(Token));
    }

    // The new container takes a moment to listen after it is started (connections are reset until then).
    private async Task<(HttpStatusCode Status, string Body)> OnceListeningAsync(string host, int port)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                var (status, body, response) = await ProxyClient.GetAsync(_http, host, "/", port: port);
                response.Dispose();
                return (status, body);
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(200, deadline.Token); // polling a condition: the proxy listening
            }
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> BodyAsync(string host, string path)
    {
        var (status, body, response) = await ProxyClient.GetAsync(_http, host, path);
        response.Dispose();
        return (status, body);
    }
}
