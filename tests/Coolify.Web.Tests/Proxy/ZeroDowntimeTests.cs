using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// Redeploys of an application behind the proxy while a client keeps asking for it (more than 20 requests a
/// second): the route moves to the new container once it is healthy, and the old one stops only afterwards, so no
/// request fails. scripts/bench.sh runs this test to record the counts (COOLIFY_ZERO_DOWNTIME_REPORT).
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ZeroDowntimeTests : IAsyncLifetime
{
    private const int Redeploys = 3;
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"));
    private readonly string _host = $"zero-{Guid.NewGuid().ToString("N")[..8]}.coolify.test";
    private TestPlace _place = null!;
    private string? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "zero downtime");

    [Fact]
    public async Task Redeploys_BehindTheProxy_UnderSteadyRequests_FailNone()
    {
        Assert.SkipWhen(HttpdImage is null || CaddyImage is null, "no test images (run scripts/test.sh)");
        _app = await ProxyScenario.CreateImageAppAsync(_place, HttpdImage!, "steady", $"http://{_host}");
        await ProxyScenario.StartProxyAsync(_place);

        var first = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
        Assert.True(first.Status == "finished", first.Log);

        using var stop = new CancellationTokenSource();
        var load = SteadyRequests.RunAsync(_host, "hello from coolify-test/httpd", stop.Token);
        var clock = Stopwatch.StartNew();
        var containers = new HashSet<string>(StringComparer.Ordinal) { await DeploymentWaiter.SoleContainerAsync(_app) };
        for (var i = 0; i < Redeploys; i++)
        {
            var redeploy = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
            Assert.True(redeploy.Status == "finished", redeploy.Log);
            // Until the replaced container has stopped and gone: its stop must not cost a request either.
            containers.Add(await DeploymentWaiter.SoleContainerAsync(_app));
        }

        await stop.CancelAsync();
        var (sent, failures) = await load;
        var seconds = clock.Elapsed.TotalSeconds;

        Assert.Equal(Redeploys + 1, containers.Count);
        Assert.True(sent >= 20 * seconds, $"only {sent} requests in {seconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed: {string.Join("; ", failures.Take(5))}");
        if (Environment.GetEnvironmentVariable("COOLIFY_ZERO_DOWNTIME_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, $"{Redeploys} {sent} {failures.Count} {seconds:0.0}\n", Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyScenario.TearDownAsync(_place, _app);
        await _factory.DisposeAsync();
    }
}
