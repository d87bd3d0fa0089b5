namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// Tests that run the host's proxy (one <c>coolify-proxy</c> per Docker host, on ports 80 and 443): alone, so no
/// other test's instance applies its own configuration to the same container meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProxyCollection
{
    public const string Name = "proxy";
}
