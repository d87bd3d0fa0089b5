namespace Coolify.Core.Proxy;

/// <summary>One domain of a running resource and where the proxy sends it: a container on a network it shares.</summary>
/// <param name="Upstream"><c>container-name:port</c>.</param>
public sealed record ProxyRoute(string ResourceUuid, ProxyDomain Domain, string Upstream, ProxyRouteOptions Options);

/// <summary>How a resource wants its domains served (Coolify's application settings of the same names).</summary>
/// <param name="Redirect"><c>both</c> (no redirect), <c>www</c> or <c>non-www</c>: the other form redirects to this one.</param>
/// <param name="BasicAuth">User name and bcrypt hash, when HTTP basic auth is on.</param>
public sealed record ProxyRouteOptions(
    bool ForceHttps = true, bool Compress = true, bool StripPrefix = true, string Redirect = "both", (string User, string Hash)? BasicAuth = null, bool NoIndex = false);

/// <summary>Everything one server's proxy serves, computed from the database.</summary>
/// <param name="CatchAllRedirect">Where unknown hosts go (a URL); null answers them 503.</param>
/// <param name="AcmeCaRootPath">A CA certificate (PEM) inside the proxy container to trust for the ACME server.</param>
/// <param name="Custom">The server's own configuration, appended after the generated sites.</param>
/// <param name="Certificates">Certificates uploaded by users: the HTTPS sites of their hosts use them instead of ACME.</param>
public sealed record ProxyConfiguration(
    IReadOnlyList<ProxyRoute> Routes, string? AcmeDirectory = null, string? AcmeEmail = null, string? AcmeCaRootPath = null, string? CatchAllRedirect = null, string? Custom = null,
    IReadOnlyList<ProxyCertificateFile>? Certificates = null);

/// <summary>
/// An uploaded certificate as the proxy sees it: files <c>&lt;Name&gt;.crt</c> (leaf, then chain) and <c>&lt;Name&gt;.key</c> in the
/// proxy's certificate folder, serving the hosts it names (a <c>*.example.com</c> entry covers one label).
/// </summary>
/// <param name="Name">A file name stem of lowercase letters and digits (the certificate's uuid).</param>
public sealed record ProxyCertificateFile(string Name, IReadOnlyList<string> Hosts)
{
    public bool Covers(string host) => Hosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase)
        || (h.StartsWith("*.", StringComparison.Ordinal) && host.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
            && string.Equals(h[2..], host[(dot + 1)..], StringComparison.OrdinalIgnoreCase)));
}
