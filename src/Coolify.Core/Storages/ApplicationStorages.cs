using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Storages;

/// <summary>
/// An application's volumes and file mounts. Names and paths are checked here, once: they reach <c>docker run
/// --volume</c> and a tar archive, so only plain absolute paths and Docker names pass. Takes effect with the next deployment.
/// </summary>
public sealed class ApplicationStorages(CoolifyDbContext db, Audit.AuditLog audit)
{
    public const string Persistent = "persistent";
    public const string File = "file";

    public async Task<(List<LocalPersistentVolume> Volumes, List<LocalFileVolume> Files)> ListAsync(TeamScope scope, string? applicationUuid, CancellationToken cancellationToken)
    {
        var id = await ApplicationIdAsync(scope, applicationUuid, cancellationToken);
        return (await Volumes(id).AsNoTracking().OrderBy(v => v.MountPath).ToListAsync(cancellationToken),
            await Files(id).AsNoTracking().OrderBy(f => f.MountPath).ToListAsync(cancellationToken));
    }

    /// <returns>The new volume or file mount.</returns>
    /// <exception cref="ValidationException">A missing or malformed field.</exception>
    /// <exception cref="ConflictException">Something is mounted at that path already.</exception>
    public async Task<Entity> CreateAsync(TeamScope scope, string? applicationUuid, StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var id = await ApplicationIdAsync(scope, applicationUuid, cancellationToken);
        var rules = new InputRules();
        var type = Type(rules, change.Type);
        var mountPath = ContainerPath(rules, "mount_path", change.MountPath);
        Entity storage;
        if (type == File)
        {
            var directory = change.IsDirectory ?? false;
            storage = new LocalFileVolume
            {
                ResourceType = ResourceKind.Application, ResourceId = id, MountPath = mountPath, FsPath = mountPath, IsDirectory = directory,
                Content = directory ? null : rules.Text("content", change.Content ?? string.Empty, 1_000_000),
            };
        }
        else
        {
            storage = new LocalPersistentVolume
            {
                ResourceType = ResourceKind.Application, ResourceId = id, MountPath = mountPath,
                Name = VolumeName(rules, applicationUuid!, change.Name),
                HostPath = string.IsNullOrWhiteSpace(change.HostPath) ? null : ContainerPath(rules, "host_path", change.HostPath),
            };
        }

        rules.ThrowIfInvalid();
        await EnsureFreeAsync(id, mountPath, exceptUuid: null, cancellationToken);
        db.Add(storage);
        audit.Add("storage.created", scope.Access.UserId, scope.Access.TeamId, mountPath);
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    /// <exception cref="NotFoundException">No such storage of the application.</exception>
    public async Task<Entity> UpdateAsync(TeamScope scope, string? applicationUuid, StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var id = await ApplicationIdAsync(scope, applicationUuid, cancellationToken);
        var rules = new InputRules();
        var type = Type(rules, change.Type);
        rules.ThrowIfInvalid();
        Entity storage = type == File
            ? await Files(id).SingleOrDefaultAsync(f => f.Uuid == change.Uuid, cancellationToken) ?? throw new NotFoundException("Storage not found.")
            : await Volumes(id).SingleOrDefaultAsync(v => v.Uuid == change.Uuid, cancellationToken) ?? throw new NotFoundException("Storage not found.");
        var mountPath = change.MountPath is null ? null : ContainerPath(rules, "mount_path", change.MountPath);
        switch (storage)
        {
            case LocalFileVolume file:
                file.MountPath = file.FsPath = mountPath ?? file.MountPath;
                file.Content = change.Content is null || file.IsDirectory ? file.Content : rules.Text("content", change.Content, 1_000_000);
                break;
            case LocalPersistentVolume volume:
                volume.MountPath = mountPath ?? volume.MountPath;
                volume.Name = change.Name is null ? volume.Name : VolumeName(rules, applicationUuid!, change.Name);
                volume.HostPath = change.HostPath is null ? volume.HostPath
                    : string.IsNullOrWhiteSpace(change.HostPath) ? null : ContainerPath(rules, "host_path", change.HostPath);
                break;
        }

        rules.ThrowIfInvalid();
        if (mountPath is not null)
        {
            await EnsureFreeAsync(id, mountPath, change.Uuid, cancellationToken);
        }

        audit.Add("storage.updated", scope.Access.UserId, scope.Access.TeamId, mountPath ?? change.Uuid);
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    /// <summary>Forgets the storage; the Docker volume itself stays until the application is deleted with its volumes.</summary>
    public async Task DeleteAsync(TeamScope scope, string? applicationUuid, string? storageUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var id = await ApplicationIdAsync(scope, applicationUuid, cancellationToken);
        Entity storage = await Volumes(id).SingleOrDefaultAsync(v => v.Uuid == storageUuid, cancellationToken) as Entity
            ?? await Files(id).SingleOrDefaultAsync(f => f.Uuid == storageUuid, cancellationToken) ?? throw new NotFoundException("Storage not found.");
        db.Remove(storage);
        audit.Add("storage.deleted", scope.Access.UserId, scope.Access.TeamId, storageUuid);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the deployment mounts (no team check: the pipeline has its application already).</summary>
    public async Task<(List<LocalPersistentVolume> Volumes, List<LocalFileVolume> Files)> ForDeploymentAsync(int applicationId, CancellationToken cancellationToken) =>
        (await Volumes(applicationId).AsNoTracking().ToListAsync(cancellationToken), await Files(applicationId).AsNoTracking().ToListAsync(cancellationToken));

    private IQueryable<LocalPersistentVolume> Volumes(int applicationId) =>
        db.LocalPersistentVolumes.Where(v => v.ResourceType == ResourceKind.Application && v.ResourceId == applicationId);

    private IQueryable<LocalFileVolume> Files(int applicationId) =>
        db.LocalFileVolumes.Where(f => f.ResourceType == ResourceKind.Application && f.ResourceId == applicationId);

    private async Task EnsureFreeAsync(int applicationId, string mountPath, string? exceptUuid, CancellationToken cancellationToken)
    {
        if (await Volumes(applicationId).AnyAsync(v => v.MountPath == mountPath && v.Uuid != exceptUuid, cancellationToken)
            || await Files(applicationId).AnyAsync(f => f.MountPath == mountPath && f.Uuid != exceptUuid, cancellationToken))
        {
            throw new ConflictException($"Something is mounted at {mountPath} already.");
        }
    }

    private static async Task<int> ApplicationIdAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Applications.Where(a => a.Uuid == uuid).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

    // A volume is the application's own: its name starts with the application's uuid (Coolify's convention), so two
    // resources on one server never share one by picking the same name.
    private static string VolumeName(InputRules rules, string applicationUuid, string? name)
    {
        var clean = rules.DockerName("name", name);
        return clean.StartsWith(applicationUuid, StringComparison.Ordinal) ? clean : $"{applicationUuid}-{clean}";
    }

    private static string Type(InputRules rules, string? type)
    {
        if (type is not (Persistent or File))
        {
            rules.Add("type", "The type must be persistent or file.");
        }

        return type ?? string.Empty;
    }

    // An absolute path of plain segments: no "..", no ':' (it separates --volume's parts), no spaces or quotes.
    private static string ContainerPath(InputRules rules, string field, string? value)
    {
        var path = rules.AbsolutePath(field, value);
        if (path == "/")
        {
            rules.Add(field, $"The {field.Replace('_', ' ')} cannot be the root folder.");
        }

        return path.TrimEnd('/');
    }
}
