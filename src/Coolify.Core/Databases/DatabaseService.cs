using System.Security.Cryptography;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Projects;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Databases;

/// <summary>
/// A team's standalone databases: created in an environment on a destination, with strong generated credentials
/// (encrypted at rest), started and stopped as Compose projects, one change at a time per database's server.
/// </summary>
public sealed class DatabaseService(
    CoolifyDbContext db, IServerShells shells, ServerLocks locks, Audit.AuditLog audit, DatabasePorts ports,
    Applications.EnvironmentVariables variables, Storages.ResourceStorages storages)
{
    private string? _publicIpv4;

    private const string PasswordAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public Task<List<StandaloneDatabase>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        WithPlace(scope.Databases.AsNoTracking()).OrderBy(d => d.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such database in the team.</exception>
    public async Task<StandaloneDatabase> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithPlace(scope.Databases.AsNoTracking()).SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <summary>A new database of <paramref name="engine"/>; what is not given gets Coolify's defaults, passwords 64 random letters and digits.</summary>
    /// <exception cref="ValidationException">A field is invalid, the place is unknown, or the public port is taken. Nothing is stored then.</exception>
    public async Task<StandaloneDatabase> CreateAsync(
        TeamScope scope, DatabaseEngine engine, ResourcePlace place, DatabaseChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = new StandaloneDatabase
        {
            Engine = engine.Name, Name = string.Empty, Image = engine.DefaultImage,
            User = engine.DefaultUser, DatabaseName = engine.DefaultDatabaseName, Password = NewPassword(),
            RootPassword = engine.HasRootPassword ? NewPassword() : null,
        };
        database.Name = $"{engine.Name}-database-{database.Uuid}";
        var rules = new InputRules();
        DatabaseFields.Apply(database, engine, change, rules);
        var (environmentId, destination) = await ResourcePlaces.FindAsync(scope, place, rules, cancellationToken);
        rules.ThrowIfInvalid();
        database.EnvironmentId = environmentId;
        database.DestinationId = destination!.Id;
        await ports.EnsureFreeAsync(database, destination.ServerId, cancellationToken);

        db.Databases.Add(database);
        audit.Add("database.created", scope.Access.UserId, scope.Access.TeamId, $"{database.Name} ({engine.Name})");
        await db.SaveChangesAsync(cancellationToken);
        return database;
    }

    /// <summary>
    /// Changes a database's fields; a running one is made again when what it runs changed (its data stays in its
    /// volumes) — a new name or description does not restart it.
    /// </summary>
    /// <exception cref="ValidationException">A field is invalid or the public port taken; nothing changes then.</exception>
    public async Task<StandaloneDatabase> UpdateAsync(TeamScope scope, string? uuid, DatabaseChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await TrackedAsync(scope, uuid, cancellationToken);
        var engine = DatabaseEngine.Of(database);
        var network = database.Destination!.Network;
        var custom = await CustomizationsAsync(database, cancellationToken);
        var before = DatabaseContainer.Definition(database, network, custom);
        var rules = new InputRules();
        DatabaseFields.Apply(database, engine, change, rules);
        rules.ThrowIfInvalid();
        await ports.EnsureFreeAsync(database, database.Destination!.ServerId, cancellationToken);
        audit.Add("database.updated", scope.Access.UserId, scope.Access.TeamId, database.Name);
        await db.SaveChangesAsync(cancellationToken);
        if (database.Status != "exited" && DatabaseContainer.Definition(database, network, custom) != before)
        {
            await RunAsync(database, container => container.StartAsync(database.Destination!.Uuid, cancellationToken), cancellationToken);
        }

        return database;
    }

    /// <exception cref="DatabaseRuntimeException">The server refused (the message says why).</exception>
    public async Task StartAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await TrackedAsync(scope, uuid, cancellationToken);
        await ports.EnsureFreeAsync(database, database.Destination!.ServerId, cancellationToken);
        await RunAsync(database, container => container.StartAsync(database.Destination!.Uuid, cancellationToken), cancellationToken);
        database.Status = "starting:unknown";
        database.StartedAt = db.GetUtcNow();
        audit.Add("database.started", scope.Access.UserId, scope.Access.TeamId, database.Name);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async Task StopAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await TrackedAsync(scope, uuid, cancellationToken);
        await RunAsync(database, container => container.StopAsync(removeVolumes: false, cancellationToken), cancellationToken);
        database.Status = "exited";
        audit.Add("database.stopped", scope.Access.UserId, scope.Access.TeamId, database.Name);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async Task RestartAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        await StopAsync(scope, uuid, cancellationToken);
        await StartAsync(scope, uuid, cancellationToken);
    }

    /// <summary>Removes the container (and its data volumes when asked), then the database.</summary>
    public async Task DeleteAsync(TeamScope scope, string? uuid, bool deleteVolumes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var database = await TrackedAsync(scope, uuid, cancellationToken);
        await RunAsync(database, container => container.StopAsync(deleteVolumes, cancellationToken), cancellationToken);
        // Its schedules stop with it (their files stay on the server and in S3, as backups of a deleted database).
        db.ScheduledDatabaseBackups.RemoveRange(await db.ScheduledDatabaseBackups.Where(b => b.DatabaseId == database.Id).ToListAsync(cancellationToken));
        database.DeletedAt = db.GetUtcNow();
        database.Status = "exited";
        audit.Add("database.deleted", scope.Access.UserId, scope.Access.TeamId, database.Name);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async Task<string> LogsAsync(TeamScope scope, string? uuid, int lines, bool timestamps, CancellationToken cancellationToken)
    {
        var database = await TrackedAsync(scope, uuid, cancellationToken);
        var result = await (await ContainerForAsync(database, cancellationToken)).LogsAsync(Math.Clamp(lines, 1, 10_000), timestamps, cancellationToken);
        return result.Succeeded ? result.Output : string.Empty;
    }

    /// <summary>The host the database is reached at from outside its network: the server's address (the instance's public IPv4 for the host itself).</summary>
    public async Task<string> PublicHostAsync(StandaloneDatabase database, CancellationToken cancellationToken)
    {
        var server = database.Destination?.Server ?? await db.Servers.AsNoTracking().SingleAsync(s => s.Destinations.Any(d => d.Id == database.DestinationId), cancellationToken);
        // Asked once per scope: a list of databases does not ask the same row for each.
        _publicIpv4 ??= await db.InstanceSettings.AsNoTracking().Select(s => s.PublicIpv4 ?? string.Empty).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var publicIpv4 = _publicIpv4;
        return server.IsLocalhost && !string.IsNullOrWhiteSpace(publicIpv4) ? publicIpv4.Trim() : server.Ip;
    }

    private static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 64);

    // One change at a time per server (a start and a stop of the same database never race).
    private async Task RunAsync(StandaloneDatabase database, Func<DatabaseContainer, Task> action, CancellationToken cancellationToken)
    {
        using (await locks.AcquireAsync(database.Destination!.ServerId, cancellationToken, "database"))
        {
            await action(await ContainerForAsync(database, cancellationToken));
        }
    }

    // With the user's variables and storages: a start runs them, and a delete with its volumes removes theirs too.
    private async Task<DatabaseContainer> ContainerForAsync(StandaloneDatabase database, CancellationToken cancellationToken) =>
        new(shells.For(database.Destination!.Server!), database, database.Destination.Network, await CustomizationsAsync(database, cancellationToken));

    private async Task<DatabaseCustomizations> CustomizationsAsync(StandaloneDatabase database, CancellationToken cancellationToken)
    {
        var environment = await variables.ForRuntimeAsync(ResourceKind.Database, database.Id, cancellationToken);
        var (volumes, files) = await storages.ForResourceAsync(ResourceKind.Database, database.Id, cancellationToken);
        return new([.. environment.Select(v => KeyValuePair.Create(v.Key, v.Value ?? string.Empty))], volumes, files);
    }

    private async Task<StandaloneDatabase> TrackedAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithPlace(scope.Databases).SingleOrDefaultAsync(d => d.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    private static IQueryable<StandaloneDatabase> WithPlace(IQueryable<StandaloneDatabase> databases) =>
        databases.Include(d => d.Environment).ThenInclude(e => e!.Project)
            .Include(d => d.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(d => d.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings);
}
