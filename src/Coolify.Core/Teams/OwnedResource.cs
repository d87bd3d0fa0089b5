using Coolify.Core.Common;
using Coolify.Core.Databases;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// A team's resource found for its variables, storages or tags: the id their polymorphic rows point at, its name for
/// the audit log, and the container paths its own runtime mounts already (a database's data volume and files), which a
/// user's storage may not take.
/// </summary>
public sealed record OwnedResource(string Kind, int Id, string Uuid, string Name, IReadOnlyCollection<string> ReservedPaths)
{
    /// <summary>Looks the resource up through the team's scope: another team's resource is not found.</summary>
    /// <exception cref="NotFoundException">No such resource of that kind in the team.</exception>
    public static async Task<OwnedResource> FindAsync(TeamScope scope, ResourceRef resource, CancellationToken cancellationToken)
    {
        switch (resource.Kind)
        {
            case ResourceKind.Application:
                var application = await scope.Applications.AsNoTracking().Where(a => a.Uuid == resource.Uuid)
                    .Select(a => new { a.Id, a.Uuid, a.Name }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
                return new(resource.Kind, application.Id, application.Uuid, application.Name, []);
            case ResourceKind.Database:
                var database = await scope.Databases.AsNoTracking().SingleOrDefaultAsync(d => d.Uuid == resource.Uuid, cancellationToken) ?? throw new NotFoundException();
                var engine = DatabaseEngine.Of(database);
                return new(resource.Kind, database.Id, database.Uuid, database.Name,
                    [.. engine.Volumes(database).Select(v => v.MountPath), .. engine.Files(database).Select(f => f.Path)]);
            case ResourceKind.Service:
                var service = await scope.Services.AsNoTracking().Where(s => s.Uuid == resource.Uuid)
                    .Select(s => new { s.Id, s.Uuid, s.Name }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
                return new(resource.Kind, service.Id, service.Uuid, service.Name, []);
            default:
                throw new NotFoundException();
        }
    }
}
