using System.Text.RegularExpressions;
using Coolify.Core.Proxy;

namespace Coolify.Core.Tests.Proxy;

// Label keys as the Docker provider reads them (traefik.http.routers.<name>.rule, ...services.<name>.loadbalancer.server.port,
// ...middlewares.<name>.<middleware>.<option>): https://doc.traefik.io/traefik/v3.8/reference/routing-configuration/other-providers/docker/
// Names and shape follow Coolify's fqdnLabelsForTraefik (bootstrap/helpers/docker.php).
public sealed partial class TraefikLabelsTests
{
    private const string Uuid = "k8s0w4o8gcwsg4ck0ws4gkok";

    [Fact]
    public void For_TwoHttpsDomains_CoolifyRoutersServicesAndPorts_WithDistinctNames()
    {
        var labels = TraefikLabels.For([
            TraefikConfigTests.Route("https://app.example.com", "app-1:80"),
            TraefikConfigTests.Route("https://api.example.com:3000", "app-1:3000"),
        ]);

        Assert.Equal("true", labels["traefik.enable"]);
        Assert.Equal("Host(`app.example.com`)", labels[$"traefik.http.routers.https-0-{Uuid}.rule"]);
        Assert.Equal("Host(`api.example.com`)", labels[$"traefik.http.routers.https-1-{Uuid}.rule"]);
        Assert.Equal("https", labels[$"traefik.http.routers.https-0-{Uuid}.entryPoints"]);
        Assert.Equal("http", labels[$"traefik.http.routers.http-1-{Uuid}.entryPoints"]);
        Assert.Equal($"https-1-{Uuid}", labels[$"traefik.http.routers.https-1-{Uuid}.service"]);
        Assert.Equal("80", labels[$"traefik.http.services.https-0-{Uuid}.loadbalancer.server.port"]);
        Assert.Equal("3000", labels[$"traefik.http.services.https-1-{Uuid}.loadbalancer.server.port"]);
        Assert.Equal("3000", labels[$"traefik.http.services.http-1-{Uuid}.loadbalancer.server.port"]);
        Assert.Equal("true", labels[$"traefik.http.routers.https-0-{Uuid}.tls"]);
        Assert.Equal("letsencrypt", labels[$"traefik.http.routers.https-0-{Uuid}.tls.certresolver"]);
        Assert.Equal("redirect-to-https", labels[$"traefik.http.routers.http-0-{Uuid}.middlewares"]);
        Assert.Equal("https", labels["traefik.http.middlewares.redirect-to-https.redirectscheme.scheme"]);
        Assert.Equal("gzip", labels[$"traefik.http.routers.https-0-{Uuid}.middlewares"]);
        Assert.Equal("true", labels["traefik.http.middlewares.gzip.compress"]);

        var routers = Routers(labels);
        Assert.Equal(4, routers.Count);
        Assert.All(routers, name => Assert.Matches("^https?-[01]-" + Uuid + "$", name));
        AssertEveryReferenceDefined(labels);
    }

    [Fact]
    public void For_PathDomainWithAuthAndNoIndex_StripsThePath_AndKeepsTheBcryptHashAsIs()
    {
        var labels = TraefikLabels.For([TraefikConfigTests.Route(
            "http://app.example.com/docs", "docs-1:8080", new ProxyRouteOptions(BasicAuth: ("ops", "$2a$10$abc/def.ghi"), NoIndex: true))]);

        var router = $"traefik.http.routers.http-0-{Uuid}";
        Assert.Equal("Host(`app.example.com`) && (Path(`/docs`) || PathPrefix(`/docs/`))", labels[router + ".rule"]);
        Assert.Equal($"0-{Uuid}-noindex,http-basic-auth-{Uuid},http-0-{Uuid}-stripprefix,gzip", labels[router + ".middlewares"]);
        Assert.Equal("/docs", labels[$"traefik.http.middlewares.http-0-{Uuid}-stripprefix.stripprefix.prefixes"]);
        Assert.Equal("ops:$2a$10$abc/def.ghi", labels[$"traefik.http.middlewares.http-basic-auth-{Uuid}.basicauth.users"]);
        Assert.Equal("noindex, nofollow", labels[$"traefik.http.middlewares.0-{Uuid}-noindex.headers.customresponseheaders.X-Robots-Tag"]);
        Assert.Equal("8080", labels[$"traefik.http.services.http-0-{Uuid}.loadbalancer.server.port"]);
        Assert.DoesNotContain(labels.Keys, k => k.EndsWith(".tls", StringComparison.Ordinal) || k.Contains("https-", StringComparison.Ordinal));
        AssertEveryReferenceDefined(labels);
    }

    [Fact]
    public void For_ForceHttpsOff_PlainHttpServes_AndACoveredHostHasTlsWithoutTheResolver()
    {
        var labels = TraefikLabels.For(
            [TraefikConfigTests.Route("https://shop.example.com", "shop-1:80", new ProxyRouteOptions(ForceHttps: false, Compress: false))],
            [new ProxyCertificateFile("c0ffee12", ["*.example.com"])]);

        Assert.Equal("true", labels[$"traefik.http.routers.https-0-{Uuid}.tls"]);
        Assert.False(labels.ContainsKey($"traefik.http.routers.https-0-{Uuid}.tls.certresolver"));
        Assert.False(labels.ContainsKey($"traefik.http.routers.http-0-{Uuid}.middlewares"));
        Assert.Equal($"http-0-{Uuid}", labels[$"traefik.http.routers.http-0-{Uuid}.service"]);
        Assert.DoesNotContain(labels.Keys, k => k.Contains("redirect-to-https", StringComparison.Ordinal));
    }

    [Fact]
    public void For_WwwRedirect_RedirectsPermanentlyToTheOtherForm()
    {
        var labels = TraefikLabels.For([TraefikConfigTests.Route("https://example.com", "web-1:80", new ProxyRouteOptions(Redirect: "www"))]);

        var name = $"0-{Uuid}-to-www";
        Assert.Equal(name, labels[$"traefik.http.routers.https-0-{Uuid}.middlewares"]);
        var match = Regex.Match("https://example.com/a?b=1", labels[$"traefik.http.middlewares.{name}.redirectregex.regex"]);
        Assert.Equal("https://www.example.com/a?b=1", match.Result(labels[$"traefik.http.middlewares.{name}.redirectregex.replacement"]));
        Assert.Equal("true", labels[$"traefik.http.middlewares.{name}.redirectregex.permanent"]);
    }

    private static List<string> Routers(IReadOnlyDictionary<string, string> labels) =>
        [.. labels.Keys.Select(k => RouterKey().Match(k)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct()];

    // A router naming a middleware or service that no label defines is dropped by Traefik's Docker provider.
    private static void AssertEveryReferenceDefined(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var router in Routers(labels))
        {
            Assert.Matches("^[A-Za-z0-9-]+$", router);
            var service = labels[$"traefik.http.routers.{router}.service"];
            Assert.True(labels.ContainsKey($"traefik.http.services.{service}.loadbalancer.server.port"), $"{router}: service {service}");
            foreach (var middleware in labels.GetValueOrDefault($"traefik.http.routers.{router}.middlewares", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(labels.Keys, k => k.StartsWith($"traefik.http.middlewares.{middleware}.", StringComparison.Ordinal));
            }
        }
    }

    [GeneratedRegex(@"^traefik\.http\.routers\.([^.]+)\.rule$")]
    private static partial Regex RouterKey();
}
