using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// The control plane reached on its own domain: the product as an operator runs it (its own process, listening on
/// every address), an instance domain set, and the host's proxy sends that domain to the control plane.
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ControlPlaneRouteTests : IDisposable
{
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task InstanceDomain_IsServedByTheHostsProxy_FromTheControlPlane()
    {
        Assert.SkipWhen(CaddyImage is null, "no test image (run scripts/test.sh)");
        var environment = new Dictionary<string, string?> { ["COOLIFY_DATA_DIR"] = _data.Path, ["COOLIFY_PROXY_IMAGE_CADDY"] = CaddyImage };
        var domain = $"coolify-{Guid.NewGuid():N}"[..16] + ".coolify.test";
        await using var host = HostProcess.Start(environment, $"http://0.0.0.0:{HostProcess.FreePort()}");
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var api = await host.RegisterAdminAsync(environment, "self-route@example.com");
        var servers = await api.GetFromJsonAsync<JsonElement>("/api/v1/servers", Token);
        var localhost = servers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "localhost").GetProperty("uuid").GetString();
        try
        {
            using (var refused = await api.PatchAsJsonAsync("/api/v1/settings", new { fqdn = $"http://{domain}/dashboard" }, Token))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            }

            using (var started = await api.PostAsync($"/api/v1/servers/{localhost}/proxy/start", null, Token))
            {
                Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync(Token));
            }

            using (var set = await api.PatchAsJsonAsync("/api/v1/settings", new { fqdn = $"http://{domain}" }, Token))
            {
                Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Token));
            }

            // Through the proxy on port 80, by the instance's domain: the control plane answers (its health route, then its sign-in page).
            using var http = ProxyClient.Create();
            var (status, body, response) = await ProxyClient.GetAsync(http, domain, "/api/health");
            response.Dispose();
            Assert.True(status == HttpStatusCode.OK, body);
            var (pageStatus, page, pageResponse) = await ProxyClient.GetAsync(http, domain, "/login");
            pageResponse.Dispose();
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            Assert.Contains("<form", page, StringComparison.Ordinal);
        }
        finally
        {
            using var stopped = await api.PostAsync($"/api/v1/servers/{localhost}/proxy/stop", null, CancellationToken.None);
        }
    }

    public void Dispose() => _data.Dispose();
}
