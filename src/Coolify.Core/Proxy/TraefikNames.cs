using System.Globalization;
using System.Text.RegularExpressions;

namespace Coolify.Core.Proxy;

/// <summary>
/// What the Traefik dynamic file (<see cref="TraefikConfig"/>) and the container labels (<see cref="TraefikLabels"/>)
/// share: Coolify's router and middleware names, the router rule of a domain, and the www ↔ non-www redirect.
/// </summary>
internal static partial class TraefikNames
{
    public const string Gzip = "gzip";
    public const string RedirectToHttps = "redirect-to-https";

    /// <summary>Coolify's router names: <c>https-&lt;index&gt;-&lt;uuid&gt;</c> and <c>http-&lt;index&gt;-&lt;uuid&gt;</c>, index = the domain's place in the resource's list.</summary>
    public static string Router(bool https, int index, string resourceUuid) =>
        Checked($"{(https ? "https" : "http")}-{index.ToString(CultureInfo.InvariantCulture)}-{resourceUuid}");

    public static string StripPrefix(string router) => Checked(router + "-stripprefix");

    public static string BasicAuth(string resourceUuid) => Checked("http-basic-auth-" + resourceUuid);

    public static string NoIndex(int index, string resourceUuid) => Checked($"{index.ToString(CultureInfo.InvariantCulture)}-{resourceUuid}-noindex");

    public static string Redirect(int index, string resourceUuid, string direction) =>
        Checked($"{index.ToString(CultureInfo.InvariantCulture)}-{resourceUuid}-to-{direction}");

    /// <summary>
    /// <c>Host(`host`)</c>, and for a path exactly that path or below it (<c>/api</c> and <c>/api/…</c>, not <c>/apiary</c>),
    /// as the Caddy side matches. Same-host rules then differ only by their path, so Traefik's default priority (the rule's
    /// length) tries longer paths first.
    /// </summary>
    public static string Rule(ProxyDomain domain)
    {
        var host = $"Host(`{Checked(domain.Host, HostPattern())}`)";
        if (domain.Path == "/")
        {
            return host;
        }

        var path = Checked(domain.Path, PathPattern());
        return $"{host} && (Path(`{path}`) || PathPrefix(`{path}/`))";
    }

    /// <summary>The host a listed domain in the wrong form (<c>redirect</c> = <c>www</c> or <c>non-www</c>) redirects to, or null.</summary>
    public static (string Direction, string Host)? WrongForm(ProxyRoute route)
    {
        var host = route.Domain.Host;
        return route.Options.Redirect switch
        {
            "www" when !host.StartsWith("www.", StringComparison.Ordinal) => ("www", "www." + host),
            "non-www" when host.StartsWith("www.", StringComparison.Ordinal) => ("non-www", host["www.".Length..]),
            _ => null,
        };
    }

    /// <summary>The redirectRegex pair sending any URL of the router's host to the same path and query on <paramref name="target"/>.</summary>
    public static (string Regex, string Replacement) RedirectRegex(string scheme, string target) =>
        ("^https?://[^/]+(.*)$", $"{scheme}://{Checked(target, HostPattern())}${{1}}");

    /// <summary>An htpasswd line, <c>user:bcrypt-hash</c>: Traefik takes bcrypt hashes as they are; no comma can split the list.</summary>
    public static string BasicAuthUser((string User, string Hash) auth) =>
        $"{Checked(auth.User, UserPattern())}:{Checked(auth.Hash, BcryptPattern())}";

    /// <summary>A <c>container:port</c> upstream, checked.</summary>
    public static string Upstream(string upstream) => Checked(upstream, UpstreamPattern());

    /// <summary>The port of a <c>container:port</c> upstream.</summary>
    public static string Port(string upstream)
    {
        var colon = upstream.LastIndexOf(':');
        var port = colon < 0 ? string.Empty : upstream[(colon + 1)..];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? port
            : throw new ArgumentException($"'{upstream}' is not container:port.", nameof(upstream));
    }

    /// <summary>
    /// Traefik refuses <c>@</c> in names (it separates the provider) and a label key splits on <c>.</c>; letters, digits and
    /// <c>-</c> are safe in both, so that is all a name may hold.
    /// </summary>
    public static bool IsName(string value) => NamePattern().IsMatch(value);

    // Every value was validated where it was entered; refusing here too is the second line, as in CaddyConfig.
    internal static string Checked(string value, Regex? pattern = null) =>
        (pattern ?? NamePattern()).IsMatch(value) ? value : throw new ArgumentException($"'{value}' cannot be written into a Traefik configuration.", nameof(value));

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+:[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex UpstreamPattern();

    [GeneratedRegex("^[A-Za-z0-9._@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z0-9./$]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BcryptPattern();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex("^(?:/[A-Za-z0-9._~-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
