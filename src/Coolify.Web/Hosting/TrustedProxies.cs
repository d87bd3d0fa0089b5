using System.Net;
using Coolify.Core.Common;
using Microsoft.AspNetCore.HttpOverrides;

namespace Coolify.Web.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from the proxies listed in <c>COOLIFY_TRUSTED_PROXIES</c> (addresses or
/// CIDR ranges). Otherwise the client address is the connection's: a client cannot choose its own address
/// (Coolify's rate limit had such a bypass).
/// </summary>
internal static class TrustedProxies
{
    public const string Variable = "COOLIFY_TRUSTED_PROXIES";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (configuration[Variable] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new ConfigurationException($"{Variable} has '{entry}', which is neither an IP address nor a CIDR range.");
            }
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy ASP.NET Core would believe every peer: no trusted proxy means no forwarded headers.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }
}
