using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Servers;

/// <summary>A team's servers: add, change, remove. Every value that later reaches a shell is checked here first.</summary>
public sealed class ServerService(CoolifyDbContext db, Audit.AuditLog audit)
{
    public static readonly IReadOnlyList<string> ProxyTypes = ["caddy", "traefik", "none"];

    public Task<List<Server>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Servers.AsNoTracking().Include(s => s.Settings).Include(s => s.PrivateKey).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such server in the team.</exception>
    public async Task<Server> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Servers.AsNoTracking().Include(s => s.Settings).Include(s => s.PrivateKey).Include(s => s.Destinations)
            .SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <exception cref="ValidationException">A field is invalid; nothing is saved.</exception>
    public async Task<Server> CreateAsync(TeamScope scope, ServerChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = new Server { TeamId = scope.Access.TeamId, Name = string.Empty, Ip = string.Empty, Settings = new ServerSettings() };
        await ApplyAsync(scope, server, change with { Name = change.Name ?? string.Empty, Ip = change.Ip ?? string.Empty }, creating: true, cancellationToken);
        // Coolify's default network for the server's resources.
        server.Destinations.Add(new Destination { Name = "coolify", Network = "coolify" });
        db.Servers.Add(server);
        audit.Add("server.created", scope.Access.UserId, scope.Access.TeamId, $"{server.Name} ({server.User}@{server.Ip}:{server.Port})");
        await db.SaveChangesAsync(cancellationToken);
        return server;
    }

    public async Task<Server> UpdateAsync(TeamScope scope, string? uuid, ServerChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await scope.Servers.Include(s => s.Settings).SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var addressBefore = (server.Ip, server.Port, server.User, server.PrivateKeyId);
        await ApplyAsync(scope, server, change, creating: false, cancellationToken);
        if (addressBefore != (server.Ip, server.Port, server.User, server.PrivateKeyId))
        {
            // Another address or login must prove itself again.
            server.Settings!.IsReachable = false;
            server.Settings.IsUsable = false;
        }

        audit.Add("server.updated", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
        return server;
    }

    /// <exception cref="ValidationException">Resources still run on it, or it is the host itself.</exception>
    public async Task DeleteAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await scope.Servers.SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        if (server.IsLocalhost)
        {
            throw ValidationException.For("server", "The host's own server (localhost) cannot be deleted.");
        }

        if (await db.Applications.AnyAsync(a => a.Destination!.ServerId == server.Id, cancellationToken))
        {
            throw ValidationException.For("server", "Server has resources, so you need to delete them before.");
        }

        server.DeletedAt = db.GetUtcNow();
        audit.Add("server.deleted", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Accepts a new host key for a server whose key changed (after a reinstall, say).</summary>
    public async Task ForgetHostKeyAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await scope.Servers.SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        server.HostKey = null;
        audit.Add("server.host_key_reset", scope.Access.UserId, scope.Access.TeamId, server.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(TeamScope scope, Server server, ServerChange change, bool creating, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var settings = server.Settings!;
        if (change.Name is not null || creating)
        {
            server.Name = rules.Name("name", change.Name);
        }

        if (change.Description is not null)
        {
            server.Description = rules.Text("description", change.Description);
        }

        if (change.Ip is not null || creating)
        {
            server.Ip = rules.Host("ip", change.Ip);
        }

        server.Port = change.Port is { } port ? rules.Range("port", port, 1, 65535) : server.Port;
        server.User = change.User is not null ? rules.UserName("user", change.User) : server.User;
        if (change.ProxyType is not null)
        {
            if (!ProxyTypes.Contains(change.ProxyType))
            {
                rules.Add("proxy_type", "The proxy type must be caddy, traefik or none.");
            }

            server.ProxyType = change.ProxyType;
        }

        if (change.PrivateKeyUuid is not null)
        {
            var keyId = await scope.PrivateKeys.Where(k => k.Uuid == change.PrivateKeyUuid).Select(k => (int?)k.Id).SingleOrDefaultAsync(cancellationToken);
            if (keyId is null)
            {
                rules.Add("private_key_uuid", "Private key not found.");
            }

            server.PrivateKeyId = keyId;
        }
        else if (creating)
        {
            rules.Add("private_key_uuid", "The private key is required to reach the server.");
        }

        settings.IsBuildServer = change.IsBuildServer ?? settings.IsBuildServer;
        settings.ConcurrentBuilds = change.ConcurrentBuilds is { } builds ? rules.Range("concurrent_builds", builds, 1, 100) : settings.ConcurrentBuilds;
        settings.DeploymentQueueLimit = change.DeploymentQueueLimit is { } limit ? rules.Range("deployment_queue_limit", limit, 1, 1000) : settings.DeploymentQueueLimit;
        settings.DynamicTimeout = change.DynamicTimeout is { } timeout ? rules.Range("dynamic_timeout", timeout, 60, 86400) : settings.DynamicTimeout;
        settings.ConnectionTimeout = change.ConnectionTimeout is { } connect ? rules.Range("connection_timeout", connect, 1, 300) : settings.ConnectionTimeout;
        if (change.WildcardDomain is not null)
        {
            settings.WildcardDomain = rules.HttpUrl("wildcard_domain", change.WildcardDomain);
        }

        if (change.ServerTimezone is not null)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(change.ServerTimezone, out _))
            {
                rules.Add("server_timezone", "Unknown time zone; use an IANA name like Europe/Berlin.");
            }

            settings.ServerTimezone = change.ServerTimezone;
        }

        rules.ThrowIfInvalid();
    }
}
