using Coolify.Core.Common;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Servers;

/// <summary>Destinations: Docker networks on a team's servers, created and removed on the server for real.</summary>
public sealed class DestinationService(CoolifyDbContext db, IServerShells shells, ServerLocks locks, Audit.AuditLog audit)
{
    public Task<List<Destination>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Destinations.AsNoTracking().Include(d => d.Server).OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public async Task<List<Destination>> ListForServerAsync(TeamScope scope, string? serverUuid, CancellationToken cancellationToken)
    {
        if (!await scope.Servers.AnyAsync(s => s.Uuid == serverUuid, cancellationToken))
        {
            throw new NotFoundException();
        }

        return await scope.Destinations.AsNoTracking().Include(d => d.Server).Where(d => d.Server!.Uuid == serverUuid).OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    public async Task<Destination> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Destinations.AsNoTracking().Include(d => d.Server).SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <exception cref="ConflictException">The server already has a destination on that network.</exception>
    public async Task<Destination> CreateAsync(TeamScope scope, string? serverUuid, string? name, string? network, string? type, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await scope.Servers.Include(s => s.PrivateKey).Include(s => s.Settings)
            .SingleOrDefaultAsync(s => s.Uuid == serverUuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var cleanNetwork = rules.DockerName("network", network);

        var cleanName = name is null ? cleanNetwork : rules.Name("name", name);
        if ((type ?? Destination.Standalone) != Destination.Standalone)
        {
            rules.Add("type", "Only standalone Docker networks are supported (Swarm is not).");
        }

        rules.ThrowIfInvalid();
        using var networksLock = await locks.AcquireAsync(server.Id, cancellationToken);
        if (await db.Destinations.AnyAsync(d => d.ServerId == server.Id && d.Network == cleanNetwork, cancellationToken))
        {
            throw new ConflictException("A destination with this network already exists.");
        }

        var destination = new Destination { ServerId = server.Id, Name = cleanName, Network = cleanNetwork };
        // On the server first: a network that could not be made leaves no row behind.
        await new DockerCli(shells.For(server)).CreateNetworkAsync(cleanNetwork, [$"coolify.destination={destination.Uuid}"], cancellationToken);
        db.Destinations.Add(destination);
        audit.Add("destination.created", scope.Access.UserId, scope.Access.TeamId, $"{cleanNetwork} on {server.Name}");
        await db.SaveChangesAsync(cancellationToken);
        destination.Server = server;
        return destination;
    }

    public async Task<Destination> RenameAsync(TeamScope scope, string? uuid, string? name, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var destination = await scope.Destinations.Include(d => d.Server).SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        if (name is not null)
        {
            var rules = new InputRules();
            destination.Name = rules.Name("name", name);
            rules.ThrowIfInvalid();
        }

        await db.SaveChangesAsync(cancellationToken);
        return destination;
    }

    /// <exception cref="ConflictException">Resources still use it.</exception>
    public async Task DeleteAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var destination = await scope.Destinations.Include(d => d.Server).ThenInclude(s => s!.PrivateKey)
            .Include(d => d.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        if (await db.Applications.AnyAsync(a => a.DestinationId == destination.Id, cancellationToken))
        {
            throw new ConflictException("Destination has attached resources.");
        }

        using var networksLock = await locks.AcquireAsync(destination.ServerId, cancellationToken);

        // A network Coolify did not make stays on the server; only the destination goes.
        await new DockerCli(shells.For(destination.Server!)).RemoveNetworkAsync(destination.Network, cancellationToken);
        db.Destinations.Remove(destination);
        audit.Add("destination.deleted", scope.Access.UserId, scope.Access.TeamId, $"{destination.Network} on {destination.Server!.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
