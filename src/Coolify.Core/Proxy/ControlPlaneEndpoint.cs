namespace Coolify.Core.Proxy;

/// <summary>
/// Where the proxy of the control plane's own host reaches the control plane, so the instance's domain
/// (<c>fqdn</c>) can be routed to it: the port it listens on beyond loopback, known once the web server started.
/// </summary>
public sealed class ControlPlaneEndpoint
{
    /// <summary>The host as seen from inside the proxy container (mapped to Docker's gateway when it starts).</summary>
    public const string HostFromProxy = "host.docker.internal";

    /// <summary>The resource id the route carries in the configuration (no resource has it: uuids start with a letter and have 24 characters).</summary>
    public const string RouteOwner = "coolify";

    /// <summary>A port the control plane listens on for every address (or a non-loopback one); null when it listens on loopback only.</summary>
    public int? Port { get; set; }
}
