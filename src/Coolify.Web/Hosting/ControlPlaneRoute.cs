using System.Net;
using Coolify.Core.Proxy;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Coolify.Web.Hosting;

/// <summary>
/// Once Kestrel listens, tells the proxy where the control plane is (<see cref="ControlPlaneEndpoint"/>) and
/// applies the host's proxy when the instance has a domain, so the route follows the port it runs on today.
/// </summary>
internal sealed class ControlPlaneRoute(IServer server, ControlPlaneEndpoint endpoint, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ControlPlaneRoute> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = RouteAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The port of the first http(s) address reachable from a container: any address, or one beyond loopback.</summary>
    internal static int? ReachablePort(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return uri.Port;
            }
        }

        return null;
    }

    private async Task RouteAsync(CancellationToken cancellationToken)
    {
        endpoint.Port = ReachablePort(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Persistence.CoolifyDbContext>();
            if (await db.InstanceSettings.Select(s => s.Fqdn).FirstOrDefaultAsync(cancellationToken) is null)
            {
                return;
            }

            if (endpoint.Port is null)
            {
                logger.LogWarning("The instance has a domain, but the control plane listens on loopback only: the proxy cannot reach it. Listen on 0.0.0.0 (the default) or a non-loopback address.");
                return;
            }

            await scope.ServiceProvider.GetRequiredService<ProxyService>().ApplyLocalhostAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next change or deployment applies it again; the product runs without the route meanwhile.
            logger.LogWarning(ex, "Routing the instance's domain through the proxy failed.");
        }
    }
}
