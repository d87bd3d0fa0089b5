using Coolify.Core.Proxy;

namespace Coolify.Core.Tests.Proxy;

// Static configuration as CLI flags (entry points, file and Docker providers, ACME resolver with the HTTP challenge):
// https://doc.traefik.io/https/acme ; the custom CA for the ACME client (lego): https://go-acme.github.io/lego/advanced/options/index.html
public sealed class TraefikCommandTests
{
    [Fact]
    public void For_Defaults_EntryPointsProvidersAndTheLetsEncryptResolver_WithoutAcmeOverrides()
    {
        var command = TraefikCommand.For(new ProxyConfiguration([]));

        Assert.Contains("--entrypoints.http.address=:80", command.Arguments);
        Assert.Contains("--entrypoints.https.address=:443", command.Arguments);
        Assert.Contains("--providers.file.directory=/traefik/dynamic", command.Arguments);
        Assert.Contains("--providers.file.watch=true", command.Arguments);
        Assert.Contains("--providers.docker.exposedbydefault=false", command.Arguments);
        Assert.Contains("--certificatesresolvers.letsencrypt.acme.httpchallenge.entrypoint=http", command.Arguments);
        Assert.Contains("--certificatesresolvers.letsencrypt.acme.storage=/traefik/acme.json", command.Arguments);
        Assert.DoesNotContain(command.Arguments, a => a.Contains("caserver", StringComparison.Ordinal) || a.Contains("http3", StringComparison.Ordinal));
        Assert.Empty(command.Environment);
    }

    [Fact]
    public void For_AcmeSettings_EmailAndDirectoryAsFlags_CaRootThroughLegosEnvironment()
    {
        var command = TraefikCommand.For(
            new ProxyConfiguration([], AcmeDirectory: "https://acme.example.com/dir", AcmeEmail: "ops@example.com", AcmeCaRootPath: "/traefik/acme-ca-root.pem"),
            http3: true);

        Assert.Contains("--certificatesresolvers.letsencrypt.acme.email=ops@example.com", command.Arguments);
        Assert.Contains("--certificatesresolvers.letsencrypt.acme.caserver=https://acme.example.com/dir", command.Arguments);
        Assert.Contains("--entrypoints.https.http3=true", command.Arguments);
        Assert.Equal("/traefik/acme-ca-root.pem", command.Environment["LEGO_CA_CERTIFICATES"]);
    }

    [Fact]
    public void For_AnAcmeValueWithASpace_IsRefused() =>
        Assert.Throws<ArgumentException>(() => TraefikCommand.For(new ProxyConfiguration([], AcmeEmail: "ops@example.com --api.insecure=true")));
}
