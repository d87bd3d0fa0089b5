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
public sealed record ProxyConfiguration(
    IReadOnlyList<ProxyRoute> Routes, string? AcmeDirectory = null, string? AcmeEmail = null, string? AcmeCaRootPath = null, string? CatchAllRedirect = null, string? Custom = null);
