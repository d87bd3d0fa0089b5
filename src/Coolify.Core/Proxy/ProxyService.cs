using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Proxy;

/// <summary>
/// A server's proxy: its settings, its container (start, stop, restart, logs) and its configuration, computed from
/// the database (<see cref="DesiredAsync"/>) and applied after every change that moves a route. One apply at a time
/// per server; a refused configuration never replaces the running one and is recorded on the server.
/// </summary>
public sealed class ProxyService(CoolifyDbContext db, IServerShells shells, ProxyImages images, ServerLocks locks, Audit.AuditLog audit, ProxyDesiredState desiredState)
{
    /// <summary>The server with its proxy settings and last known state, from the database (the server is not asked, as in Coolify).</summary>
    public async Task<(Server Server, ServerProxy Proxy)> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        var server = await ServerAsync(scope.Servers.AsNoTracking(), uuid, cancellationToken);
        return (server, ServerProxy.Read(server.Proxy));
    }

    /// <exception cref="ValidationException">A field is invalid, or the type changes while the proxy runs.</exception>
    public async Task UpdateAsync(TeamScope scope, string? uuid, ProxyChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await ServerAsync(scope.Servers, uuid, cancellationToken);
        var proxy = ServerProxy.Read(server.Proxy);
        var rules = new InputRules();
        if (change.ProxyType is { } type)
        {
            var normalized = type.Trim().ToLowerInvariant();
            if (!ServerService.ProxyTypes.Contains(normalized))
            {
                rules.Add("proxy_type", "The proxy type must be caddy, traefik or none.");
            }
            else if (normalized != server.ProxyType && await ContainerFor(server).StatusAsync(cancellationToken) != "missing")
            {
                rules.Add("proxy_type", "Stop the proxy before switching its type.");
            }
            else
            {
                server.ProxyType = normalized;
            }
        }

        proxy.RedirectEnabled = change.RedirectEnabled ?? proxy.RedirectEnabled;
        if (change.RedirectUrl is not null)
        {
            proxy.RedirectUrl = string.IsNullOrWhiteSpace(change.RedirectUrl) ? null
                : ProxyDomain.TryParse(change.RedirectUrl.Trim(), out var url, out var problem) ? url.ToString()
                : Refused(rules, "redirect_url", $"'{change.RedirectUrl}' {problem}");
        }

        if (proxy.RedirectEnabled && proxy.RedirectUrl is null)
        {
            rules.Add("redirect_url", "Redirecting unknown hosts needs a redirect URL.");
        }

        proxy.GenerateExactLabels = change.GenerateExactLabels ?? proxy.GenerateExactLabels;
        var (httpPort, httpsPort) = (change.HttpPort ?? proxy.HttpPort, change.HttpsPort ?? proxy.HttpsPort);
        CheckPort(rules, "http_port", httpPort);
        CheckPort(rules, "https_port", httpsPort);
        if (httpPort == httpsPort)
        {
            rules.Add("https_port", "HTTP and HTTPS need two different ports.");
        }

        rules.ThrowIfInvalid();
        var portsChanged = (httpPort, httpsPort) != (proxy.HttpPort, proxy.HttpsPort);
        (proxy.HttpPort, proxy.HttpsPort) = (httpPort, httpsPort);
        server.Proxy = proxy.Write();
        audit.Add("proxy.updated", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
        if (portsChanged && proxy.ShouldRun)
        {
            // Published ports are fixed when a container is made: a running proxy is made again on the new ones.
            using (await locks.AcquireAsync(server.Id, cancellationToken, "proxy"))
            {
                await ContainerFor(server).StopAsync(cancellationToken);
            }
        }

        var outcome = await ApplyAsync(server.Id, cancellationToken);
        if (portsChanged && outcome.Error is not null)
        {
            throw ValidationException.For("http_port", $"The proxy did not start on the new ports: {outcome.Error}");
        }
    }

    private static void CheckPort(InputRules rules, string field, int port)
    {
        if (port is < 1 or > 65535)
        {
            rules.Add(field, "A port is a number from 1 to 65535.");
        }
    }

    /// <summary>
    /// Sets the server's own configuration (appended to the generated one). Checked with Caddy's validator first —
    /// in the running proxy, which then serves it, or in a throwaway container — and refused whole when invalid.
    /// </summary>
    /// <exception cref="ValidationException">Caddy refused it; the stored and running configurations are unchanged.</exception>
    public async Task SaveConfigurationAsync(TeamScope scope, string? uuid, string? configuration, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await ServerAsync(scope.Servers, uuid, cancellationToken);
        var rules = new InputRules();
        if (configuration is null)
        {
            rules.Add("configuration", "The configuration field is required.");
        }

        var custom = rules.Text("configuration", configuration, 100_000);
        rules.ThrowIfInvalid();
        var proxy = ServerProxy.Read(server.Proxy);
        var previous = proxy.CustomConfiguration;
        proxy.CustomConfiguration = string.IsNullOrWhiteSpace(custom) ? null : custom;
        server.Proxy = proxy.Write();
        var outcome = await ApplyAsync(server, cancellationToken);
        if (outcome.Error is not null)
        {
            throw ValidationException.For("configuration", $"The proxy refused this configuration: {outcome.Error}");
        }

        if (!outcome.Running)
        {
            var desired = await desiredState.ForAsync(server, proxy, cancellationToken);
            try
            {
                await ContainerFor(server).ValidateAsync(desired, cancellationToken);
            }
            catch (ProxyConfigurationException refused)
            {
                await db.Entry(server).ReloadAsync(cancellationToken);
                throw ValidationException.For("configuration", $"The proxy refused this configuration: {refused.Message}");
            }
        }

        audit.Add("proxy.configuration_saved", scope.Access.UserId, scope.Access.TeamId, $"{server.Name} (was {previous?.Length ?? 0} characters)");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task StartAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await ServerAsync(scope.Servers, uuid, cancellationToken);
        EnsureProxy(server);
        var proxy = ServerProxy.Read(server.Proxy);
        proxy.ShouldRun = true;
        server.Proxy = proxy.Write();
        audit.Add("proxy.started", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
        var outcome = await ApplyAsync(server.Id, cancellationToken);
        if (outcome.Error is not null)
        {
            throw ValidationException.For("proxy", $"The proxy did not start: {outcome.Error}");
        }
    }

    public async Task StopAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await ServerAsync(scope.Servers, uuid, cancellationToken);
        var proxy = ServerProxy.Read(server.Proxy);
        proxy.ShouldRun = false;
        server.Proxy = proxy.Write();
        audit.Add("proxy.stopped", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
        using (await locks.AcquireAsync(server.Id, cancellationToken, "proxy"))
        {
            await ContainerFor(server).StopAsync(cancellationToken);
        }

        proxy.Status = "exited";
        server.Proxy = proxy.Write();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A new container with the current configuration; certificates stay (they live in a volume).</summary>
    public async Task RestartAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        await StopAsync(scope, uuid, cancellationToken);
        await StartAsync(scope, uuid, cancellationToken);
    }

    public async Task<string> LogsAsync(TeamScope scope, string? uuid, int lines, CancellationToken cancellationToken)
    {
        var server = await ServerAsync(scope.Servers.AsNoTracking(), uuid, cancellationToken);
        var result = await ContainerFor(server).LogsAsync(Math.Clamp(lines, 1, 10_000), cancellationToken);
        return result.Succeeded ? result.Output : string.Empty;
    }

    /// <summary>
    /// The certificate the server's proxy holds for each HTTPS domain of the application (issuer, expiry), or a
    /// null issuer while none is there yet. Empty when the proxy does not run.
    /// </summary>
    public async Task<IReadOnlyList<CertificateStatus>> CertificatesAsync(TeamScope scope, string? applicationUuid, CancellationToken cancellationToken)
    {
        var application = await scope.Applications.AsNoTracking().Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(a => a.Uuid == applicationUuid, cancellationToken) ?? throw new NotFoundException();
        var container = ContainerFor(application.Destination!.Server!);
        var hosts = ProxyDomain.ReadStored(application.Fqdn).Where(d => d.Https).Select(d => d.Host).Distinct().ToList();
        if (hosts.Count == 0 || await container.StatusAsync(cancellationToken) != "running")
        {
            return [];
        }

        var uploaded = await db.ProxyCertificates.AsNoTracking().Where(c => c.ServerId == application.Destination!.ServerId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var statuses = new List<CertificateStatus>();
        foreach (var host in hosts)
        {
            if (uploaded.FirstOrDefault(c => new ProxyCertificateFile(c.Uuid, c.HostList).Covers(host)) is { } own)
            {
                statuses.Add(new CertificateStatus(host, own.Issuer, own.NotBefore, own.NotAfter, Uploaded: true));
                continue;
            }

            using var certificate = await container.CertificateAsync(host, cancellationToken);
            statuses.Add(certificate is null
                ? new CertificateStatus(host, null, null, null)
                : new CertificateStatus(host, certificate.Issuer, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime()));
        }

        return statuses;
    }

    /// <summary>
    /// Brings the server's proxy in line with the database: started when it should run and does not, given the
    /// routes of every resource with domains and a serving container. Nothing happens when the proxy is off.
    /// </summary>
    public async Task<ProxyOutcome> ApplyAsync(int serverId, CancellationToken cancellationToken)
    {
        var server = await db.Servers.Include(s => s.PrivateKey).Include(s => s.Settings).SingleAsync(s => s.Id == serverId, cancellationToken);
        var outcome = await ApplyAsync(server, cancellationToken);
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    // Applies and records the outcome on the (tracked) server; the caller saves.
    private async Task<ProxyOutcome> ApplyAsync(Server server, CancellationToken cancellationToken)
    {
        if (server.ProxyType == "none")
        {
            return new ProxyOutcome(false, null);
        }

        var proxy = ServerProxy.Read(server.Proxy);
        if (!proxy.ShouldRun && proxy.Status != "running")
        {
            // Off, as last seen (the server checks keep the state fresh): nothing to ask the server.
            return new ProxyOutcome(false, null);
        }

        using var held = await locks.AcquireAsync(server.Id, cancellationToken, "proxy");
        var container = ContainerFor(server);
        string status;
        try
        {
            status = await container.StatusAsync(cancellationToken);
        }
        catch (Commands.ServerConnectionException)
        {
            // The stored settings take effect when the server answers again (the next deployment or change applies them).
            proxy.Status = "unreachable";
            server.Proxy = proxy.Write();
            return new ProxyOutcome(false, null);
        }

        proxy.Status = status;
        server.Proxy = proxy.Write();
        if (status != "running" && !proxy.ShouldRun)
        {
            return new ProxyOutcome(false, null);
        }

        var desired = await desiredState.ForAsync(server, proxy, cancellationToken);
        var text = container.Render(desired);
        var networks = await db.Destinations.AsNoTracking().Where(d => d.ServerId == server.Id).OrderBy(d => d.Id).Select(d => d.Network).ToListAsync(cancellationToken);
        // Each running service has its own network (its compose services' names stay private to it): the proxy joins it.
        networks.AddRange(await db.Services.AsNoTracking().Where(s => s.Destination!.ServerId == server.Id && s.Status != "exited")
            .OrderBy(s => s.Id).Select(s => s.Uuid).ToListAsync(cancellationToken));
        networks.AddRange(await db.Applications.AsNoTracking().Where(a => a.Destination!.ServerId == server.Id && a.ComposeContainers != null && a.Status != "exited")
            .OrderBy(a => a.Id).Select(a => a.Uuid).ToListAsync(cancellationToken));
        try
        {
            if (status == "running")
            {
                await container.JoinAsync(networks, cancellationToken);
                if (text != proxy.AppliedConfiguration || proxy.LastError is not null)
                {
                    await ApplyOrRestartAsync(container, desired, proxy, networks, cancellationToken);
                }
            }
            else
            {
                await container.StartAsync(desired, proxy, networks, cancellationToken);
            }
        }
        catch (Exception refused) when (refused is ProxyConfigurationException or Commands.CommandFailedException)
        {
            // Caddy refused the configuration, or Docker the container (a published port already taken, say).
            proxy.LastError = refused.Message;
            server.Proxy = proxy.Write();
            return new ProxyOutcome(status == "running", refused.Message);
        }

        proxy.Status = "running";
        proxy.AppliedConfiguration = text;
        proxy.AppliedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        proxy.LastError = null;
        server.Proxy = proxy.Write();
        return new ProxyOutcome(true, null);
    }

    // A change the proxy can only take at start (Traefik's static configuration) makes the container again.
    private static async Task ApplyOrRestartAsync(ProxyContainer container, DesiredProxy desired, ServerProxy proxy, IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        try
        {
            await container.ApplyAsync(desired, cancellationToken);
        }
        catch (ProxyRestartNeededException)
        {
            await container.StopAsync(cancellationToken);
            await container.StartAsync(desired, proxy, networks, cancellationToken);
        }
    }

    /// <summary>Applies the configuration of every server the control plane runs on (its route follows the port it listens on).</summary>
    public Task ApplyLocalhostAsync(CancellationToken cancellationToken) => ApplyWhereAsync(s => s.IsLocalhost, cancellationToken);

    /// <summary>Applies every server's configuration (after instance settings all of them carry changed).</summary>
    public Task ApplyEveryServerAsync(CancellationToken cancellationToken) => ApplyWhereAsync(s => s.ProxyType != "none", cancellationToken);

    private async Task ApplyWhereAsync(System.Linq.Expressions.Expression<Func<Server, bool>> which, CancellationToken cancellationToken)
    {
        foreach (var id in await db.Servers.AsNoTracking().Where(which).Select(s => s.Id).ToListAsync(cancellationToken))
        {
            await ApplyAsync(id, cancellationToken);
        }
    }

    private static string? Refused(InputRules rules, string field, string message)
    {
        rules.Add(field, message);
        return null;
    }

    private static void EnsureProxy(Server server)
    {
        if (server.ProxyType == "none")
        {
            throw ValidationException.For("proxy_type", "This server has no proxy (type none): choose caddy or traefik first.");
        }
    }

    private ProxyContainer ContainerFor(Server server) => ProxyContainer.For(server, shells.For(server), images);

    private static async Task<Server> ServerAsync(IQueryable<Server> servers, string? uuid, CancellationToken cancellationToken) =>
        await servers.Include(s => s.PrivateKey).Include(s => s.Settings).SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
}

/// <summary>The fields of <c>PATCH /servers/{uuid}/proxy</c>; null leaves a field as it is.</summary>
public sealed record ProxyChange(
    bool? RedirectEnabled = null, string? RedirectUrl = null, bool? GenerateExactLabels = null, string? ProxyType = null, int? HttpPort = null, int? HttpsPort = null);

/// <summary>The certificate served for a host: issuer and validity, all null while none has been obtained.</summary>
/// <param name="Uploaded">The certificate is one a user uploaded for the server's proxy, not one obtained over ACME.</param>
public sealed record CertificateStatus(string Host, string? Issuer, DateTime? NotBefore, DateTime? NotAfter, bool Uploaded = false);

/// <summary>How an apply ended: whether the proxy runs, and Caddy's reason when it refused the configuration.</summary>
public sealed record ProxyOutcome(bool Running, string? Error);
