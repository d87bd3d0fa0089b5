using Coolify.Core.Applications;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Proxy;

/// <summary>
/// What a server's proxy should serve, from the database alone: one route per domain of every application with a
/// serving container, the control plane's own domain on the host it runs on, the ACME settings, the server's
/// redirect and own configuration, the uploaded certificates. The same for every proxy type; each renders it.
/// </summary>
public sealed class ProxyDesiredState(CoolifyDbContext db, ControlPlaneEndpoint controlPlane)
{
    /// <summary>The routes and options the database asks of <paramref name="server"/>'s proxy, the ACME CA certificate to trust (when one is set), the uploaded certificates.</summary>
    public async Task<DesiredProxy> ForAsync(Server server, ServerProxy proxy, CancellationToken cancellationToken)
    {
        var settings = await db.InstanceSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Settings)
            .Where(a => a.Destination!.ServerId == server.Id && a.ServingContainer != null && a.Fqdn != null)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var routes = applications.SelectMany(a => ProxyDomain.ReadStored(a.Fqdn).Select(domain =>
            new ProxyRoute(a.Uuid, domain, $"{a.ServingContainer}:{domain.Port ?? FirstPort(a.PortsExposes)}", Options(a) with
            {
                NoIndex = (a.NoindexDomains ?? string.Empty).Split(',').Contains(domain.ToString(), StringComparer.Ordinal),
            }))).ToList();
        routes.AddRange(await ServiceRoutesAsync(server, cancellationToken));
        routes.AddRange(await ComposeApplicationRoutesAsync(server, cancellationToken));
        if (server.IsLocalhost && controlPlane.Port is { } port && ProxyDomain.ReadStored(settings?.Fqdn) is [var instance])
        {
            // The control plane on its own domain, through the proxy of the host it runs on (as Coolify's dashboard route).
            routes.Insert(0, new ProxyRoute(ControlPlaneEndpoint.RouteOwner, instance, $"{ControlPlaneEndpoint.HostFromProxy}:{port}", new ProxyRouteOptions(StripPrefix: false)));
        }

        var caRoot = string.IsNullOrWhiteSpace(settings?.AcmeCaRoot) ? null : settings.AcmeCaRoot;
        var certificates = await db.ProxyCertificates.AsNoTracking().Where(c => c.ServerId == server.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        // The CA root's path inside the container is the container's to say (CaddyContainer, TraefikContainer).
        var configuration = new ProxyConfiguration(
            routes, AcmeDirectory: NullIfBlank(settings?.AcmeDirectoryUrl), AcmeEmail: NullIfBlank(settings?.AcmeEmail),
            CatchAllRedirect: proxy.RedirectEnabled ? proxy.RedirectUrl : null, Custom: proxy.CustomConfiguration,
            Certificates: [.. certificates.Select(c => new ProxyCertificateFile(c.Uuid, c.HostList))]);
        return new DesiredProxy(configuration, caRoot, certificates);
    }

    // A service's applications with domains, while the service runs: to the container serving each (port from the domain, else 80).
    private async Task<IEnumerable<ProxyRoute>> ServiceRoutesAsync(Server server, CancellationToken cancellationToken)
    {
        var applications = await db.ServiceApplications.AsNoTracking()
            .Where(a => a.Service!.Destination!.ServerId == server.Id && a.Service.DeletedAt == null && a.ServingContainer != null && a.Fqdn != null)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return applications.SelectMany(a => ProxyDomain.ReadStored(a.Fqdn).Select(domain =>
            new ProxyRoute(a.Uuid, domain, $"{a.ServingContainer}:{domain.Port ?? 80}", new ProxyRouteOptions(
                Compress: a.IsGzipEnabled, StripPrefix: a.IsStripprefixEnabled,
                NoIndex: (a.NoindexDomains ?? string.Empty).Split(',').Contains(domain.ToString(), StringComparer.Ordinal)))));
    }

    // A dockercompose application's domains per compose service, to the container serving each.
    private async Task<IEnumerable<ProxyRoute>> ComposeApplicationRoutesAsync(Server server, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Include(a => a.Settings)
            .Where(a => a.Destination!.ServerId == server.Id && a.ComposeContainers != null && a.DockerComposeDomains != null && a.Status != "exited")
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return applications.SelectMany(a =>
        {
            var containers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(a.ComposeContainers!) ?? [];
            return ComposeDomains.Read(a.DockerComposeDomains).Where(d => containers.ContainsKey(d.Key)).SelectMany(d =>
                ProxyDomain.ReadStored(d.Value).Select(domain => new ProxyRoute($"{a.Uuid}-{d.Key}", domain, $"{containers[d.Key]}:{domain.Port ?? 80}", Options(a))));
        });
    }

    private static ProxyRouteOptions Options(Application application)
    {
        var settings = application.Settings ?? new ApplicationSettings();
        return new ProxyRouteOptions(
            settings.IsForceHttpsEnabled, settings.IsGzipEnabled, settings.IsStripprefixEnabled, application.Redirect,
            application is { IsHttpBasicAuthEnabled: true, HttpBasicAuthUsername: { } user, HttpBasicAuthPasswordHash: { } hash } ? (user, hash) : null);
    }

    private static int FirstPort(string? ports) =>
        int.TryParse((ports ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var port) ? port : 80;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A server's desired proxy: the configuration to render, the ACME CA to trust, the certificates whose files it names.</summary>
public sealed record DesiredProxy(ProxyConfiguration Configuration, string? CaRoot, IReadOnlyList<ProxyCertificate> Certificates);
