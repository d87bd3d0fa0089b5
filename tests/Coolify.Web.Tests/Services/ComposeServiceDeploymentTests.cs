using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Proxy;
using Coolify.Web.Tests.Support;
using static Coolify.Web.Tests.Services.ComposeServiceScenario;

namespace Coolify.Web.Tests.Services;

/// <summary>
/// A template-shaped two-service compose app on the real dockerd behind the proxy: it comes up on its generated
/// domain with its generated database credentials, keeps them across restarts, and a redeploy of its health-checked
/// web service under steady requests loses none of them (the web service is rolled out start-first; the database,
/// which must never run twice on one volume, stays as it is).
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ComposeServiceDeploymentTests : IAsyncLifetime
{
    private static readonly string? AppImage = TestPlace.Image("COOLIFY_TEST_COMPOSE_APP_IMAGE");
    private static readonly string? PostgresImage = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"));
    private TestPlace _place = null!;
    private string? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "compose services");

    [Fact]
    public async Task Start_TemplateShapedApp_ServesOnItsDomain_KeepsPasswords_AndRestartsWithoutAFailedRequest()
    {
        Assert.SkipWhen(AppImage is null || PostgresImage is null || CaddyImage is null, "no test images (run scripts/test.sh)");
        await ProxyScenario.StartProxyAsync(_place);
        using var created = await CreateAsync(_place, TwoServiceCompose(AppImage!, PostgresImage!), new { name = "shop" });
        var body = await created.Content.ReadAsStringAsync(Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var answer = JsonDocument.Parse(body).RootElement;
        _service = answer.GetProperty("uuid").GetString()!;
        var domain = new Uri(Assert.Single(answer.GetProperty("domains").EnumerateArray()).GetString()!);
        Assert.StartsWith($"app-{_service}.", domain.Host, StringComparison.Ordinal);
        Assert.EndsWith(".sslip.io", domain.Host, StringComparison.Ordinal);
        Assert.Equal(80, domain.Port);

        var started = await PostOkAsync(_place, $"/api/v1/services/{_service}/start");
        var variables = await VariablesAsync(_place, _service);
        Assert.Matches("^[A-Za-z0-9]{32}$", variables["SERVICE_PASSWORD_POSTGRES"]);
        var user = variables["SERVICE_USER_POSTGRES"];
        Assert.Matches("^[A-Za-z0-9]{16}$", user);
        var page = await WaitForPageAsync(domain.Host, $"hello from {user}");
        Assert.Contains("app: started", string.Join('\n', started.GetProperty("log").EnumerateArray().Select(l => l.GetString())), StringComparison.Ordinal);

        // Redeploys under steady requests: the web service moves to a new container each time, no request fails.
        using var stop = new CancellationTokenSource();
        var load = SteadyRequests.RunAsync(domain.Host, $"hello from {user}", stop.Token);
        var clock = Stopwatch.StartNew();
        var hosts = new HashSet<string>(StringComparer.Ordinal) { Served(page) };
        for (var i = 0; i < 2; i++)
        {
            var redeployed = await PostOkAsync(_place, $"/api/v1/services/{_service}/start");
            var log = string.Join('\n', redeployed.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
            Assert.Contains("app: rolled out start-first", log, StringComparison.Ordinal);
            Assert.Contains("postgres: kept, or recreated in place if its definition changed", log, StringComparison.Ordinal);
            hosts.Add(Served(await WaitForPageAsync(domain.Host, $"hello from {user}")));
        }

        await stop.CancelAsync();
        var (sent, failures) = await load;
        Assert.Equal(3, hosts.Count);
        Assert.True(sent >= 10 * clock.Elapsed.TotalSeconds, $"only {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed: {string.Join("; ", failures.Take(5))}");

        // A restart makes every container anew (the database in place): the generated values stay, the database still takes them.
        var restarted = await PostOkAsync(_place, $"/api/v1/services/{_service}/restart");
        Assert.Contains("postgres: restarted in place", string.Join('\n', restarted.GetProperty("log").EnumerateArray().Select(l => l.GetString())), StringComparison.Ordinal);
        await WaitForPageAsync(domain.Host, $"hello from {user}");
        var after = await VariablesAsync(_place, _service);
        Assert.Equal(variables["SERVICE_PASSWORD_POSTGRES"], after["SERVICE_PASSWORD_POSTGRES"]);
        Assert.Equal(user, after["SERVICE_USER_POSTGRES"]);

        // Connected to the destination's network, other resources reach the database as postgres-<uuid> (not as "postgres").
        using (var patched = await _place.Api.PatchAsJsonAsync($"/api/v1/services/{_service}", new { connect_to_docker_network = true }, Token))
        {
            Assert.True(patched.StatusCode == HttpStatusCode.OK, await patched.Content.ReadAsStringAsync(Token));
        }

        await PostOkAsync(_place, $"/api/v1/services/{_service}/start");
        var network = (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/servers/{_place.ServerUuid}/destinations", Token))[0].GetProperty("network").GetString()!;
        var inspect = await new Coolify.Core.Docker.DockerCli(new Coolify.Infrastructure.Servers.LocalServerShell()).InspectContainerAsync($"postgres-{_service}", Token);
        var aliases = inspect!.Value.GetProperty("NetworkSettings").GetProperty("Networks").GetProperty(network).GetProperty("Aliases");
        Assert.Contains($"postgres-{_service}", aliases.EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("postgres", aliases.EnumerateArray().Select(a => a.GetString()));

        // One compose service restarted on its own: the app answers from the database again afterwards.
        var database = (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{_service}/databases", Token))[0].GetProperty("uuid").GetString();
        await PostOkAsync(_place, $"/api/v1/services/{_service}/databases/{database}/restart");
        await WaitForPageAsync(domain.Host, $"hello from {user}");
    }

    // The container that answered (the page names its host name, the container's id).
    private static string Served(string page) => page[(page.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..].Trim();

    // Polls the domain through the proxy until the page says what it should (a condition: the app's first database answer).
    internal static async Task<string> WaitForPageAsync(string host, string expected)
    {
        using var http = ProxyClient.Create();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(120));
        var last = string.Empty;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                var (status, body, response) = await ProxyClient.GetAsync(http, host);
                response.Dispose();
                last = $"{(int)status} {body.Trim()}";
                if (status == HttpStatusCode.OK && body.Contains(expected, StringComparison.Ordinal))
                {
                    return body;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(250, CancellationToken.None);
        }

        Assert.Fail($"{host} never answered \"{expected}\"; last: {last}");
        return string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/services/{_service}", CancellationToken.None)).Dispose();
        }

        await ProxyScenario.TearDownAsync(_place);
        await _factory.DisposeAsync();
    }
}
