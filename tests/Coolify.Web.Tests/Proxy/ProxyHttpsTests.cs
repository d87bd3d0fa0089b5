using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// Automatic HTTPS for real: the proxy gets a certificate from Pebble (the Let's Encrypt test server, started by
/// scripts/test.sh) over HTTP-01, serves the application with that chain, redirects plain HTTP to it, and keeps the
/// certificate across a restart (it lives in a volume).
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ProxyHttpsTests : IAsyncLifetime
{
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");
    private static readonly string? Directory = TestPlace.Image("COOLIFY_TEST_ACME_DIRECTORY");
    private static readonly string? CaRoot = Environment.GetEnvironmentVariable("COOLIFY_TEST_ACME_CA_ROOT");
    private static readonly string? Roots = Environment.GetEnvironmentVariable("COOLIFY_TEST_ACME_ROOTS");
    private static readonly string? Domain = Environment.GetEnvironmentVariable("COOLIFY_TEST_ACME_DOMAIN");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"));
    private TestPlace _place = null!;
    private string? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "https");

    [Fact]
    public async Task HttpsDomain_GetsACertificateFromTheAcmeServer_ServesWithItsChain_AndKeepsItAcrossRestarts()
    {
        Assert.SkipWhen(HttpdImage is null || CaddyImage is null || Directory is null, "no test images or Pebble (run scripts/test.sh)");
        // Pebble makes new roots each time it starts: a certificate kept from an earlier run would not chain to them.
        await new LocalServerShell().RunAsync(ShellCommand.Of("docker", "volume", "rm", "-f", "coolify-proxy-data"), cancellationToken: Token);
        using (var settings = await _place.Api.PatchAsJsonAsync("/api/v1/settings", new
        {
            acme_directory_url = Directory, acme_email = "ops@coolify.test", acme_ca_root = await File.ReadAllTextAsync(CaRoot!, Token),
        }, Token))
        {
            Assert.True(settings.StatusCode == HttpStatusCode.OK, await settings.Content.ReadAsStringAsync(Token));
        }

        _app = await ProxyScenario.CreateImageAppAsync(_place, HttpdImage!, "secure", $"https://{Domain}");
        await ProxyScenario.StartProxyAsync(_place);

        var deployed = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
        Assert.True(deployed.Status == "finished", deployed.Log);

        var root = await PebbleRootAsync();
        var (body, certificate) = await HttpsOnceIssuedAsync(root);
        Assert.Equal("hello from coolify-test/httpd\n", body);
        Assert.Contains(Domain!, certificate.GetNameInfo(X509NameType.DnsName, false), StringComparison.Ordinal);
        Assert.Contains("Pebble", certificate.Issuer, StringComparison.Ordinal);

        // The resource shows which certificate it has: the one served.
        var listed = Assert.Single((await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{_app}/certificates", Token)).EnumerateArray());
        Assert.Equal(Domain, listed.GetProperty("host").GetString());
        Assert.Equal(certificate.Issuer, listed.GetProperty("issuer").GetString());
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), listed.GetProperty("not_after").GetDateTime(), TimeSpan.FromSeconds(1));

        // Force HTTPS (the default): plain HTTP redirects to the same address over HTTPS.
        using (var http = ProxyClient.Create())
        {
            var (status, _, redirect) = await ProxyClient.GetAsync(http, Domain!, "/page");
            using (redirect)
            {
                Assert.Equal(HttpStatusCode.PermanentRedirect, status);
                Assert.Equal($"https://{Domain}/page", redirect.Headers.Location?.ToString());
            }
        }

        // A restart keeps the certificate (no new issuance): it is in the proxy's data volume.
        using (var restarted = await _place.Api.PostAsync($"/api/v1/servers/{_place.ServerUuid}/proxy/restart", null, Token))
        {
            Assert.True(restarted.StatusCode == HttpStatusCode.OK, await restarted.Content.ReadAsStringAsync(Token));
        }

        var (_, again) = await HttpsOnceIssuedAsync(root);
        Assert.Equal(certificate.SerialNumber, again.SerialNumber);
    }

    // Pebble's issuing root, from its management interface (served with the listener certificate made for it).
    private static async Task<X509Certificate2> PebbleRootAsync()
    {
        using var listener = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CaRoot!, Token));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == listener.Thumbprint };
        using var client = new HttpClient(handler);
        return X509Certificate2.CreateFromPem(await client.GetStringAsync(Roots, Token));
    }

    // The application over HTTPS through the proxy on 127.0.0.1:443, trusting only Pebble's root; until the
    // certificate is there (Caddy obtains it in the background once the configuration is loaded).
    private static async Task<(string Body, X509Certificate2 Certificate)> HttpsOnceIssuedAsync(X509Certificate2 root)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        string last = "no attempt";
        while (true)
        {
            try
            {
                return await ProxyClient.HttpsAsync(Domain!, (presented, chain) =>
                {
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(presented) && presented.MatchesHostname(Domain!);
                }, deadline.Token);
            }
            catch (HttpRequestException ex)
            {
                last = ex.InnerException?.Message ?? ex.Message;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !Token.IsCancellationRequested)
            {
                Assert.Fail($"No HTTPS answer with Pebble's chain within 90 s: {last}");
            }

            await Task.Delay(500, deadline.Token); // polling a condition: the certificate issued
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyScenario.TearDownAsync(_place, _app);
        await _factory.DisposeAsync();
    }
}
