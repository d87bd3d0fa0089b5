namespace Coolify.Core.Proxy;

/// <summary>
/// The container labels Coolify puts on an application's container when its server runs Traefik (Docker provider,
/// <c>exposedbydefault=false</c>): the same routers, services and middlewares as <see cref="TraefikConfig"/> writes for
/// the file provider, under Coolify's names (<c>https-0-&lt;uuid&gt;</c>, <c>http-0-&lt;uuid&gt;</c>, <c>gzip</c>,
/// <c>redirect-to-https</c>, <c>http-basic-auth-&lt;uuid&gt;</c>, ...), so labels written by either product read alike.
/// </summary>
/// <remarks>
/// Values are as Traefik reads them: no <c>$</c> is doubled. Doubling is for docker-compose files, where <c>$</c> starts
/// an interpolation; labels given to the Docker API (or <c>docker run --label</c> as one argument) reach Traefik verbatim.
/// </remarks>
public static class TraefikLabels
{
    private const string Routers = "traefik.http.routers.";
    private const string Services = "traefik.http.services.";
    private const string Middlewares = "traefik.http.middlewares.";

    /// <summary>Labels for <paramref name="routes"/>, the routes of one resource, in its domain order.</summary>
    /// <param name="certificates">Uploaded certificates: a host one covers gets TLS without the ACME resolver.</param>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<ProxyRoute> routes, IReadOnlyList<ProxyCertificateFile>? certificates = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["traefik.enable"] = "true" };
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var index = indexes.GetValueOrDefault(route.ResourceUuid);
            indexes[route.ResourceUuid] = index + 1;
            AddRoute(labels, route, index, certificates ?? []);
        }

        return labels;
    }

    private static void AddRoute(Dictionary<string, string> labels, ProxyRoute route, int index, IReadOnlyList<ProxyCertificateFile> certificates)
    {
        var uuid = route.ResourceUuid;
        var options = route.Options;
        var port = TraefikNames.Port(TraefikNames.Upstream(route.Upstream));
        var primary = TraefikNames.Router(route.Domain.Https, index, uuid);

        List<string> chain = [];
        if (TraefikNames.WrongForm(route) is { } wrong)
        {
            var name = TraefikNames.Redirect(index, uuid, wrong.Direction);
            var (regex, replacement) = TraefikNames.RedirectRegex(route.Domain.Scheme, wrong.Host);
            labels[$"{Middlewares}{name}.redirectregex.regex"] = regex;
            labels[$"{Middlewares}{name}.redirectregex.replacement"] = replacement;
            labels[$"{Middlewares}{name}.redirectregex.permanent"] = "true";
            chain.Add(name);
        }
        else
        {
            if (options.NoIndex)
            {
                var name = TraefikNames.NoIndex(index, uuid);
                labels[$"{Middlewares}{name}.headers.customresponseheaders.X-Robots-Tag"] = "noindex, nofollow";
                chain.Add(name);
            }

            if (options.BasicAuth is { } auth)
            {
                var name = TraefikNames.BasicAuth(uuid);
                labels[$"{Middlewares}{name}.basicauth.users"] = TraefikNames.BasicAuthUser(auth);
                chain.Add(name);
            }

            if (route.Domain.Path != "/" && options.StripPrefix)
            {
                var name = TraefikNames.StripPrefix(primary);
                labels[$"{Middlewares}{name}.stripprefix.prefixes"] = route.Domain.Path;
                chain.Add(name);
            }

            if (options.Compress)
            {
                labels[$"{Middlewares}{TraefikNames.Gzip}.compress"] = "true";
                chain.Add(TraefikNames.Gzip);
            }
        }

        AddRouter(labels, primary, route, route.Domain.Https ? "https" : "http", port, chain);
        if (!route.Domain.Https)
        {
            return;
        }

        labels[$"{Routers}{primary}.tls"] = "true";
        if (!certificates.Any(c => c.Covers(route.Domain.Host)))
        {
            labels[$"{Routers}{primary}.tls.certresolver"] = TraefikCommand.CertResolver;
        }

        var httpChain = chain;
        if (options.ForceHttps)
        {
            labels[$"{Middlewares}{TraefikNames.RedirectToHttps}.redirectscheme.scheme"] = "https";
            labels[$"{Middlewares}{TraefikNames.RedirectToHttps}.redirectscheme.permanent"] = "true";
            httpChain = [TraefikNames.RedirectToHttps];
        }

        AddRouter(labels, TraefikNames.Router(false, index, uuid), route, "http", port, httpChain);
    }

    // Each router has a service of its own name, as Coolify's labels do; the Docker provider points both at this container.
    private static void AddRouter(Dictionary<string, string> labels, string name, ProxyRoute route, string entryPoint, string port, IReadOnlyList<string> middlewares)
    {
        labels[$"{Routers}{name}.rule"] = TraefikNames.Rule(route.Domain);
        labels[$"{Routers}{name}.entryPoints"] = entryPoint;
        labels[$"{Routers}{name}.service"] = name;
        labels[$"{Services}{name}.loadbalancer.server.port"] = port;
        if (middlewares.Count > 0)
        {
            labels[$"{Routers}{name}.middlewares"] = string.Join(',', middlewares);
        }
    }
}
