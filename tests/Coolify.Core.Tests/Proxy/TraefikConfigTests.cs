using System.Text.RegularExpressions;
using Coolify.Core.Proxy;
using YamlDotNet.Serialization;

namespace Coolify.Core.Tests.Proxy;

// Traefik cannot run here, so the file is read back and held to Traefik v3's documented rules:
// - routers, rules with backticks, '@' not allowed in names, priority = rule length by default:
//   https://doc.traefik.io/traefik/v3.8/reference/routing-configuration/http/routing/rules-and-priority/
// - the file provider's http.routers / services (loadBalancer.servers[].url) / middlewares, and tls: {} on a router:
//   https://doc.traefik.io/traefik/v3.8/reference/routing-configuration/other-providers/file/
// - tls.certificates (certFile, keyFile), only through the file provider:
//   https://doc.traefik.io/traefik/reference/routing-configuration/http/tls/tls-certificates
// - a service configured without servers answers 503: https://doc.traefik.io/traefik/getting-started/faq/ ("503 Service Unavailable")
// - basicAuth users in htpasswd form, bcrypt accepted, '$' not doubled outside compose: https://doc.traefik.io/middlewares/http/basicauth/
// - redirectRegex (regex, replacement with ${1}, permanent): https://doc.traefik.io/reference/routing-configuration/http/middlewares/redirectregex
// Checked against Traefik v3's source too: pkg/muxer/http/mux.go (GetRulePriority = len(rule)),
// pkg/server/service/loadbalancer/wrr (no server: 503 "no available server"), pkg/middlewares/redirect (permanent: 301 to a GET, else 308).
public sealed partial class TraefikConfigTests
{
    private const string Uuid = "k8s0w4o8gcwsg4ck0ws4gkok";

    internal static ProxyRoute Route(string domain, string upstream, ProxyRouteOptions? options = null, string uuid = Uuid)
    {
        Assert.True(ProxyDomain.TryParse(domain, out var parsed, out var problem), problem);
        return new ProxyRoute(uuid, parsed, upstream, options ?? new ProxyRouteOptions());
    }

    [Fact]
    public void Render_EveryRouterReachesItsServiceAndMiddlewares_WithNamesTraefikAccepts()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration(
            [
                Route("https://app.example.com", "app-1:80", new ProxyRouteOptions(BasicAuth: ("ops", "$2a$10$abc"), NoIndex: true)),
                Route("http://app.example.com/docs", "app-1:8080"),
                Route("https://www.shop.example.com", "shop-1:3000", new ProxyRouteOptions(Redirect: "non-www"), uuid: "b2c3d4e5f6g7h8i9j0k1l2m3"),
            ],
            CatchAllRedirect: "https://example.com", Custom: "http:\n  routers: {}\n")));

        var routers = Map(Map(yaml, "http"), "routers");
        var services = Map(Map(yaml, "http"), "services");
        var middlewares = Map(Map(yaml, "http"), "middlewares");
        Assert.Equal(7, routers.Count); // 2 for the https domain, 1 for the http one, 2 for the redirecting one, 2 catch-alls
        foreach (var (name, value) in routers)
        {
            var router = (Dictionary<object, object>)value;
            Assert.Matches(NameRule(), (string)name);
            Assert.Matches(RuleSyntax(), (string)router["rule"]);
            Assert.True(services.ContainsKey(router["service"]), $"{name}: service {router["service"]} is not defined");
            foreach (var middleware in List(router, "middlewares"))
            {
                Assert.True(middlewares.ContainsKey(middleware), $"{name}: middleware {middleware} is not defined");
            }
        }

        Assert.All(services.Keys.Concat(middlewares.Keys), name => Assert.Matches(NameRule(), (string)name));
        Assert.Equal("http://app-1:80", Url(services, (string)Map(routers, "https-0-" + Uuid)["service"]));
        Assert.Equal("http://app-1:8080", Url(services, (string)Map(routers, "http-1-" + Uuid)["service"]));
        Assert.Equal("http://shop-1:3000", Url(services, "https-0-b2c3d4e5f6g7h8i9j0k1l2m3"));
    }

    [Fact]
    public void Render_PathRoutes_MatchThePathAndBelow_StripOnlyWhenAsked_AndTheLongerPathHasTheLongerRule()
    {
        var routers = Map(Map(Parse(TraefikConfig.Render(new ProxyConfiguration([
            Route("http://shop.example.com", "web-1:80"),
            Route("http://shop.example.com/api", "api-1:3000", uuid: "apiapiapiapiapiapiapiapi"),
            Route("http://shop.example.com/api/v2", "v2-1:80", new ProxyRouteOptions(StripPrefix: false), uuid: "v2v2v2v2v2v2v2v2v2v2v2v2"),
        ]))), "http"), "routers");
        var middlewares = Map(Map(Parse(TraefikConfig.Render(new ProxyConfiguration([Route("http://shop.example.com/api", "api-1:3000")]))), "http"), "middlewares");

        var root = Map(routers, "http-0-" + Uuid);
        var api = Map(routers, "http-0-apiapiapiapiapiapiapiapi");
        var v2 = Map(routers, "http-0-v2v2v2v2v2v2v2v2v2v2v2v2");
        Assert.Equal("Host(`shop.example.com`)", root["rule"]);
        Assert.Equal("Host(`shop.example.com`) && (Path(`/api`) || PathPrefix(`/api/`))", api["rule"]);
        Assert.Equal(["gzip"], List(v2, "middlewares")); // no stripPrefix
        Assert.Equal("/api", Assert.Single(List(Map(Map(middlewares, "http-0-" + Uuid + "-stripprefix"), "stripPrefix"), "prefixes")));

        // No explicit priority: Traefik orders by rule length, so /api/v2 is tried before /api, and /api before the host's root.
        Assert.All([root, api, v2], r => Assert.False(r.ContainsKey("priority")));
        Assert.True(((string)v2["rule"]).Length > ((string)api["rule"]).Length);
        Assert.True(((string)api["rule"]).Length > ((string)root["rule"]).Length);
    }

    [Fact]
    public void Render_HttpsDomain_HasTlsFromLetsEncrypt_AndPlainHttpRedirectsToHttps()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration([Route("https://app.example.com", "app-1:80")])));

        var routers = Map(Map(yaml, "http"), "routers");
        var https = Map(routers, "https-0-" + Uuid);
        Assert.Equal(["https"], List(https, "entryPoints"));
        Assert.Equal("letsencrypt", Map(https, "tls")["certResolver"]);
        var http = Map(routers, "http-0-" + Uuid);
        Assert.Equal(["http"], List(http, "entryPoints"));
        Assert.False(http.ContainsKey("tls"));
        Assert.Equal(["redirect-to-https"], List(http, "middlewares"));
        Assert.Equal("https", Map(Map(Map(Map(yaml, "http"), "middlewares"), "redirect-to-https"), "redirectScheme")["scheme"]);
        Assert.False(yaml.ContainsKey("tls"));
    }

    [Fact]
    public void Render_ForceHttpsOff_PlainHttpServesTheAppWithTheSameMiddlewares()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration([Route("https://app.example.com", "app-1:80", new ProxyRouteOptions(ForceHttps: false))])));

        var routers = Map(Map(yaml, "http"), "routers");
        var http = Map(routers, "http-0-" + Uuid);
        Assert.Equal(Map(routers, "https-0-" + Uuid)["service"], http["service"]);
        Assert.Equal(["gzip"], List(http, "middlewares"));
        Assert.False(Map(Map(yaml, "http"), "middlewares").ContainsKey("redirect-to-https"));
    }

    [Fact]
    public void Render_UploadedCertificateCoversTheHost_NoAcmeForIt_AndTheFilesAreListed()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration(
            [Route("https://shop.example.com", "shop-1:80"), Route("https://other.org", "other-1:80", uuid: "otherotherotherotherothe")],
            Certificates: [new ProxyCertificateFile("c0ffee12", ["*.example.com"])])));

        var routers = Map(Map(yaml, "http"), "routers");
        Assert.Empty(Map(Map(routers, "https-0-" + Uuid), "tls"));
        Assert.Equal("letsencrypt", Map(Map(routers, "https-0-otherotherotherotherothe"), "tls")["certResolver"]);
        var certificate = (Dictionary<object, object>)Assert.Single(List(Map(yaml, "tls"), "certificates"));
        Assert.Equal("/traefik/certs/c0ffee12.crt", certificate["certFile"]);
        Assert.Equal("/traefik/certs/c0ffee12.key", certificate["keyFile"]);
    }

    [Fact]
    public void Render_CatchAll_HasTheLowestPriority_AndAnswers503FromAServiceWithoutServers()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration([Route("https://app.example.com/api", "app-1:80")])));

        var routers = Map(Map(yaml, "http"), "routers");
        foreach (var (name, entryPoint) in new[] { ("catchall-http", "http"), ("catchall-https", "https") })
        {
            var router = Map(routers, name);
            Assert.Equal("PathPrefix(`/`)", router["rule"]);
            Assert.Equal("1", router["priority"]);
            Assert.Equal([entryPoint], List(router, "entryPoints"));
            Assert.Empty(List(Map(Map(Map(yaml, "http"), "services"), (string)router["service"]), "loadBalancer", "servers"));
        }

        // Unserved paths on a served HTTPS host get the 503 too, not Traefik's 404: the HTTPS catch-all terminates TLS.
        Assert.True(Map(routers, "catchall-https").ContainsKey("tls"));
    }

    [Fact]
    public void Render_CatchAllRedirect_SendsEveryUnknownRequestToTheServersUrl()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration([], CatchAllRedirect: "https://example.com/welcome")));

        var router = Map(Map(Map(yaml, "http"), "routers"), "catchall-http");
        var redirect = Map(Map(Map(Map(yaml, "http"), "middlewares"), (string)Assert.Single(List(router, "middlewares"))), "redirectRegex");
        Assert.Equal("https://example.com/welcome", Expand(redirect, "http://unknown.example.org/x?y=1"));
        Assert.Equal("false", redirect["permanent"]);
    }

    [Fact]
    public void Render_WrongWwwForm_OnlyRedirectsPermanently_KeepingPathAndQuery()
    {
        var yaml = Parse(TraefikConfig.Render(new ProxyConfiguration([Route("https://www.example.com", "web-1:80", new ProxyRouteOptions(Redirect: "non-www"))])));

        var router = Map(Map(Map(yaml, "http"), "routers"), "https-0-" + Uuid);
        var redirect = Map(Map(Map(Map(yaml, "http"), "middlewares"), (string)Assert.Single(List(router, "middlewares"))), "redirectRegex");
        Assert.Equal("https://example.com/a/b?c=1", Expand(redirect, "https://www.example.com/a/b?c=1"));
        Assert.Equal("true", redirect["permanent"]);
    }

    [Fact]
    public void Render_BasicAuthAsHtpasswdBcrypt_NoIndexHeader_AndNoCustomFragment()
    {
        var text = TraefikConfig.Render(new ProxyConfiguration(
            [Route("https://app.example.com", "app-1:80", new ProxyRouteOptions(BasicAuth: ("ops", "$2a$10$abc/def.ghi"), NoIndex: true))],
            Custom: "http:\n  routers:\n    mine: {}\n"));
        var middlewares = Map(Map(Parse(text), "http"), "middlewares");

        Assert.Equal("ops:$2a$10$abc/def.ghi", Assert.Single(List(Map(middlewares, "http-basic-auth-" + Uuid), "basicAuth", "users")));
        Assert.Equal("noindex, nofollow", Map(Map(Map(middlewares, $"0-{Uuid}-noindex"), "headers"), "customResponseHeaders")["X-Robots-Tag"]);
        Assert.DoesNotContain("mine", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a: b # c")]
    [InlineData("- `Host(x)` {} [] & * ! | > % @ \"q\"")]
    [InlineData("true")]
    [InlineData("$1 ${2} \\n")]
    public void Quote_AnyPrintableValue_ReadsBackUnchanged(string value)
    {
        var yaml = Parse("key: " + TraefikConfig.Quote(value) + "\n");

        Assert.Equal(value, yaml["key"]);
    }

    [Theory]
    [InlineData("app-1:80\n  evil: x", Uuid)]
    [InlineData("app-1:80'", Uuid)]
    [InlineData("app-1:80", "app@docker")]
    [InlineData("app-1:80", "app.x")]
    public void Render_AValueThatCouldBreakOutOrAnInvalidName_IsRefused(string upstream, string uuid)
    {
        var route = Route("http://app.example.com", "x:80", uuid: uuid) with { Upstream = upstream };

        Assert.Throws<ArgumentException>(() => TraefikConfig.Render(new ProxyConfiguration([route])));
    }

    internal static Dictionary<object, object> Parse(string text) => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(text);

    internal static Dictionary<object, object> Map(Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) ? (Dictionary<object, object>)value : throw new Xunit.Sdk.XunitException($"no '{key}' in [{string.Join(", ", node.Keys)}]");

    private static List<object> List(Dictionary<object, object> node, params string[] path)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            node = Map(node, path[i]);
        }

        return node.TryGetValue(path[^1], out var value) ? (List<object>)value : [];
    }

    private static string Url(Dictionary<object, object> services, string name) =>
        (string)((Dictionary<object, object>)Assert.Single(List(Map(services, name), "loadBalancer", "servers")))["url"];

    // Go's regexp and .NET's agree on these patterns and on ${1} in a replacement.
    private static string Expand(Dictionary<object, object> redirect, string url)
    {
        var match = Regex.Match(url, (string)redirect["regex"]);
        Assert.True(match.Success, url);
        return match.Result((string)redirect["replacement"]);
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex NameRule();

    // v3 syntax: matchers with backtick-quoted values joined by && / ||, no v2 comma lists, no quotes.
    [GeneratedRegex(@"^(?:[ ()&|]*(?:Host|Path|PathPrefix)\(`[^`,'""]+`\)[ )]*)+$")]
    private static partial Regex RuleSyntax();
}
