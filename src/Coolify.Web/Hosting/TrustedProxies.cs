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
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in IpRanges.Entries(configuration[Variable]))
        {
            networks.Add(IpRanges.TryParse(entry, out var range)
                ? range
                : throw new ConfigurationException($"{Variable} has '{entry}', which is neither an IP address nor a CIDR range."));
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy ASP.NET Core would believe every peer: no trusted proxy means no forwarded headers.
            o.ForwardedHeaders = networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }
}
