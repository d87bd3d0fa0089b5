using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Deployments;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// A certificate uploaded for a server's proxy: refused when its key does not belong to it, served for the host it
/// names once uploaded (no ACME), shown on the resource, and gone from the proxy — key included — once deleted.
/// </summary>
[Collection(ProxyCollection.Name)]
public sealed class ProxyCertificateUploadTests : IAsyncLifetime
{
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_PROXY_IMAGE_CADDY", CaddyImage ?? "caddy:2-alpine"));
    private readonly string _host = $"uploaded-{Guid.NewGuid():N}"[..20] + ".coolify.test";
    private TestPlace _place = null!;
    private string? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "certificates");

    [Fact]
    public async Task UploadedCertificate_IsServedForItsHost_AndLeavesTheProxyWhenDeleted()
    {
        Assert.SkipWhen(HttpdImage is null || CaddyImage is null, "no test images (run scripts/test.sh)");
        var (certificate, key) = ProxyScenario.SelfSignedCertificate(_host);
        var (_, otherKey) = ProxyScenario.SelfSignedCertificate(_host);
        var certificates = $"/api/v1/servers/{_place.ServerUuid}/proxy/certificates";

        using (var mismatched = await _place.Api.PostAsJsonAsync(certificates, new { certificate, private_key = otherKey }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatched.StatusCode);
            Assert.True((await mismatched.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("private_key", out _));
        }

        Assert.Equal(0, (await _place.Api.GetFromJsonAsync<JsonElement>(certificates, Token)).GetArrayLength());

        _app = await ProxyScenario.CreateImageAppAsync(_place, HttpdImage!, "uploaded", $"https://{_host}");
        await ProxyScenario.StartProxyAsync(_place);
        var deployed = await DeploymentWaiter.WaitForEndAsync(_place.Api, await DeploymentWaiter.StartAsync(_place.Api, _app));
        Assert.True(deployed.Status == "finished", deployed.Log);

        string uuid;
        using (var uploaded = await _place.Api.PostAsJsonAsync(certificates, new { certificate, private_key = key }, Token))
        {
            var body = await uploaded.Content.ReadAsStringAsync(Token);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, body);
            Assert.DoesNotContain("PRIVATE KEY", body, StringComparison.Ordinal);
            var created = JsonDocument.Parse(body).RootElement;
            Assert.Equal([_host], created.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
            uuid = created.GetProperty("uuid").GetString()!;
        }

        // The proxy serves exactly the uploaded certificate for the host.
        using var expected = X509Certificate2.CreateFromPem(certificate);
        var (page, presented) = await ProxyClient.HttpsAsync(_host, (served, _) => served.Thumbprint == expected.Thumbprint, Token);
        Assert.Equal("hello from coolify-test/httpd\n", page);
        Assert.Equal(expected.Thumbprint, presented.Thumbprint);

        var status = Assert.Single((await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{_app}/certificates", Token)).EnumerateArray());
        Assert.True(status.GetProperty("uploaded").GetBoolean());
        Assert.Equal(expected.Issuer, status.GetProperty("issuer").GetString());

        using (var deleted = await _place.Api.DeleteAsync($"{certificates}/{uuid}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(0, (await _place.Api.GetFromJsonAsync<JsonElement>(certificates, Token)).GetArrayLength());
        var files = await new LocalServerShell().RunAsync(ShellCommand.Of("docker", "exec", "coolify-proxy", "find", "/etc/caddy/certs", "-type", "f"), cancellationToken: Token);
        Assert.True(files.Succeeded, files.Error);
        Assert.Equal(string.Empty, files.Output.Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyScenario.TearDownAsync(_place, _app);
        await _factory.DisposeAsync();
    }
}
