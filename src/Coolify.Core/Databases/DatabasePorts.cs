using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Databases;

/// <summary>
/// A public database's port must be free on its server: not another public database's, not the proxy's, not
/// published by a container running there now, not listened on by a process there (asked when the server answers).
/// </summary>
public sealed class DatabasePorts(CoolifyDbContext db, IServerShells shells)
{
    /// <exception cref="ValidationException">The port is taken (the message says by what).</exception>
    public async Task EnsureFreeAsync(StandaloneDatabase database, int serverId, CancellationToken cancellationToken)
    {
        if (database is not { IsPublic: true, PublicPort: { } port })
        {
            return;
        }

        var other = await db.Databases.AsNoTracking()
            .Where(d => d.Id != database.Id && d.Destination!.ServerId == serverId && d.IsPublic && d.PublicPort == port)
            .Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var server = await db.Servers.AsNoTracking().Include(s => s.PrivateKey).Include(s => s.Settings).SingleAsync(s => s.Id == serverId, cancellationToken);
        var proxy = Proxy.ServerProxy.Read(server.Proxy);
        var taken = other is not null ? $"the database {other}"
            : server.ProxyType != "none" && (port == proxy.HttpPort || port == proxy.HttpsPort) ? "the proxy"
            : await PublishedByAsync(server, port, database.Uuid, cancellationToken);
        if (taken is not null)
        {
            throw ValidationException.For("public_port", $"Port {port} is already used on this server by {taken}.");
        }
    }

    private async Task<string?> PublishedByAsync(Server server, int port, string self, CancellationToken cancellationToken)
    {
        try
        {
            var shell = shells.For(server);
            var published = await new Docker.DockerCli(shell).PublishedPortsAsync(cancellationToken);
            if (published.FirstOrDefault(p => p.Port == port) is { Container: { } container } && container != self)
            {
                return $"the container {container}";
            }

            if (published.Any(p => p.Port == port))
            {
                return null; // this database's own container
            }

            // A listener outside Docker (ss from iproute2; a server without it is asked no further).
            var listening = await shell.RunAsync(ShellCommand.Of("ss", "-H", "-l", "-t", "-n", $"sport = :{port}"), cancellationToken: cancellationToken);
            return listening.Succeeded && listening.Output.Trim().Length > 0 ? "a process listening on it" : null;
        }
        catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException or Docker.DockerRequestException)
        {
            return null; // Docker says so at start if it is taken after all.
        }
    }
}
