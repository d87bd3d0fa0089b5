using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Proxy;

/// <summary>What every proxy test does first, through the API: an application of the test web server with domains, and the proxy started.</summary>
internal static class ProxyScenario
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <returns>The new application's uuid.</returns>
    public static async Task<string> CreateImageAppAsync(TestPlace place, string image, string name, string domains)
    {
        var (repository, tag) = (image.Split(':')[0], image.Split(':')[1]);
        using var created = await place.Api.PostAsJsonAsync("/api/v1/applications/dockerimage", new
        {
            project_uuid = place.ProjectUuid, server_uuid = place.ServerUuid, environment_name = "production",
            docker_registry_image_name = repository, docker_registry_image_tag = tag, ports_exposes = "80", name, domains,
        }, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
    }

    public static async Task StartProxyAsync(TestPlace place)
    {
        using var started = await place.Api.PostAsync($"/api/v1/servers/{place.ServerUuid}/proxy/start", null, Token);
        Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync(Token));
    }

    /// <summary>After a test: the proxy stopped (ports 80/443 free for the next class) and its applications deleted.</summary>
    public static async Task TearDownAsync(TestPlace place, params string?[] apps)
    {
        (await place.Api.PostAsync($"/api/v1/servers/{place.ServerUuid}/proxy/stop", null, CancellationToken.None)).Dispose();
        foreach (var app in apps.OfType<string>())
        {
            (await place.Api.DeleteAsync($"/api/v1/applications/{app}", CancellationToken.None)).Dispose();
        }
    }

    /// <summary>A certificate for <paramref name="host"/> valid for 30 days, and its private key, in PEM.</summary>
    public static (string Certificate, string Key) SelfSignedCertificate(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
