using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Storages;

/// <summary>
/// The volumes and file mounts of an application or a database. Names and paths are checked here, once: they reach
/// <c>docker run --volume</c>, a Compose file and a tar archive, so only plain absolute paths and Docker names pass.
/// Takes effect with the application's next deployment, the database's next start.
/// </summary>
public sealed class ResourceStorages(CoolifyDbContext db, Audit.AuditLog audit)
{
    public const string Persistent = "persistent";
    public const string File = "file";

    public async Task<(List<LocalPersistentVolume> Volumes, List<LocalFileVolume> Files)> ListAsync(TeamScope scope, ResourceRef resource, CancellationToken cancellationToken)
    {
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var id = owner.Id;
        return (await Volumes(owner.Kind, id).AsNoTracking().OrderBy(v => v.MountPath).ToListAsync(cancellationToken),
            await Files(owner.Kind, id).AsNoTracking().OrderBy(f => f.MountPath).ToListAsync(cancellationToken));
    }

    /// <returns>The new volume or file mount.</returns>
    /// <exception cref="ValidationException">A missing or malformed field.</exception>
    /// <exception cref="ConflictException">Something is mounted at that path already.</exception>
    public async Task<Entity> CreateAsync(TeamScope scope, ResourceRef resource, StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var id = owner.Id;
        var rules = new InputRules();
        var type = Type(rules, change.Type);
        var mountPath = ContainerPath(rules, "mount_path", change.MountPath);
        Entity storage;
        if (type == File)
        {
            var directory = change.IsDirectory ?? false;
            storage = new LocalFileVolume
            {
                ResourceType = owner.Kind, ResourceId = id, MountPath = mountPath, FsPath = mountPath, IsDirectory = directory,
                Content = directory ? null : rules.Text("content", change.Content ?? string.Empty, 1_000_000),
            };
        }
        else
        {
            storage = new LocalPersistentVolume
            {
                ResourceType = owner.Kind, ResourceId = id, MountPath = mountPath,
                Name = VolumeName(rules, owner.Uuid, change.Name),
                HostPath = string.IsNullOrWhiteSpace(change.HostPath) ? null : ContainerPath(rules, "host_path", change.HostPath),
            };
        }

        rules.ThrowIfInvalid();
        await EnsureFreeAsync(owner, mountPath, exceptUuid: null, cancellationToken);
        db.Add(storage);
        audit.Add("storage.created", scope.Access.UserId, scope.Access.TeamId, mountPath);
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    /// <exception cref="NotFoundException">No such storage of the resource.</exception>
    public async Task<Entity> UpdateAsync(TeamScope scope, ResourceRef resource, StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var id = owner.Id;
        var rules = new InputRules();
        var type = Type(rules, change.Type);
        rules.ThrowIfInvalid();
        Entity storage = type == File
            ? await Files(owner.Kind, id).SingleOrDefaultAsync(f => f.Uuid == change.Uuid, cancellationToken) ?? throw new NotFoundException("Storage not found.")
            : await Volumes(owner.Kind, id).SingleOrDefaultAsync(v => v.Uuid == change.Uuid, cancellationToken) ?? throw new NotFoundException("Storage not found.");
        var mountPath = change.MountPath is null ? null : ContainerPath(rules, "mount_path", change.MountPath);
        switch (storage)
        {
            case LocalFileVolume file:
                file.MountPath = file.FsPath = mountPath ?? file.MountPath;
                file.Content = change.Content is null || file.IsDirectory ? file.Content : rules.Text("content", change.Content, 1_000_000);
                break;
            case LocalPersistentVolume volume:
                volume.MountPath = mountPath ?? volume.MountPath;
                volume.Name = change.Name is null ? volume.Name : VolumeName(rules, owner.Uuid, change.Name);
                volume.HostPath = change.HostPath is null ? volume.HostPath
                    : string.IsNullOrWhiteSpace(change.HostPath) ? null : ContainerPath(rules, "host_path", change.HostPath);
                break;
        }

        rules.ThrowIfInvalid();
        if (mountPath is not null)
        {
            await EnsureFreeAsync(owner, mountPath, change.Uuid, cancellationToken);
        }

        audit.Add("storage.updated", scope.Access.UserId, scope.Access.TeamId, mountPath ?? change.Uuid);
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    /// <summary>Forgets the storage; the Docker volume itself stays until the resource is deleted with its volumes.</summary>
    public async Task DeleteAsync(TeamScope scope, ResourceRef resource, string? storageUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var id = owner.Id;
        Entity storage = await Volumes(owner.Kind, id).SingleOrDefaultAsync(v => v.Uuid == storageUuid, cancellationToken) as Entity
            ?? await Files(owner.Kind, id).SingleOrDefaultAsync(f => f.Uuid == storageUuid, cancellationToken) ?? throw new NotFoundException("Storage not found.");
        db.Remove(storage);
        audit.Add("storage.deleted", scope.Access.UserId, scope.Access.TeamId, storageUuid);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the resource's container mounts (no team check: the deployment or the start has its resource already).</summary>
    public async Task<(List<LocalPersistentVolume> Volumes, List<LocalFileVolume> Files)> ForResourceAsync(string kind, int resourceId, CancellationToken cancellationToken) =>
        (await Volumes(kind, resourceId).AsNoTracking().ToListAsync(cancellationToken), await Files(kind, resourceId).AsNoTracking().ToListAsync(cancellationToken));

    private IQueryable<LocalPersistentVolume> Volumes(string kind, int resourceId) =>
        db.LocalPersistentVolumes.Where(v => v.ResourceType == kind && v.ResourceId == resourceId);

    private IQueryable<LocalFileVolume> Files(string kind, int resourceId) =>
        db.LocalFileVolumes.Where(f => f.ResourceType == kind && f.ResourceId == resourceId);

    // A path the resource's own runtime mounts (a database's data volume, its configuration file) is taken too:
    // Compose refuses two mounts at one path, and a file there would replace the engine's.
    private async Task EnsureFreeAsync(OwnedResource owner, string mountPath, string? exceptUuid, CancellationToken cancellationToken)
    {
        if (owner.ReservedPaths.Contains(mountPath)
            || await Volumes(owner.Kind, owner.Id).AnyAsync(v => v.MountPath == mountPath && v.Uuid != exceptUuid, cancellationToken)
            || await Files(owner.Kind, owner.Id).AnyAsync(f => f.MountPath == mountPath && f.Uuid != exceptUuid, cancellationToken))
        {
            throw new ConflictException($"Something is mounted at {mountPath} already.");
        }
    }

    // A volume is the resource's own: its name starts with the resource's uuid (Coolify's convention), so two
    // resources on one server never share one by picking the same name.
    private static string VolumeName(InputRules rules, string resourceUuid, string? name)
    {
        var clean = rules.DockerName("name", name);
        return clean.StartsWith(resourceUuid, StringComparison.Ordinal) ? clean : $"{resourceUuid}-{clean}";
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
