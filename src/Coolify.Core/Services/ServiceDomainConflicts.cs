using Coolify.Core.Persistence;
using Coolify.Core.Proxy;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Services;

/// <summary>
/// A service application's domains against every other route on its server (applications and other services'
/// applications): two resources with one host and path would fight over the route. Coolify answers 409 unless
/// <c>force_domain_override</c>; so does this. Another team's resource is named only as such.
/// </summary>
internal static class ServiceDomainConflicts
{
    public static async Task EnsureFreeAsync(CoolifyDbContext db, int teamId, int serverId, IEnumerable<ServiceApplication> changed, CancellationToken cancellationToken)
    {
        var wanted = changed.SelectMany(a => ProxyDomain.ReadStored(a.Fqdn).Select(d => (Application: a, Domain: d))).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var ids = wanted.Select(w => w.Application.Id).Where(id => id != 0).ToHashSet();
        var applications = await db.Applications.AsNoTracking().Where(a => a.Fqdn != null && a.Destination!.ServerId == serverId)
            .Select(a => new { a.Name, a.Uuid, a.Fqdn, TeamId = a.Environment!.Project!.TeamId, Kind = "application" }).ToListAsync(cancellationToken);
        var services = await db.ServiceApplications.AsNoTracking()
            .Where(a => a.Fqdn != null && a.Service!.DeletedAt == null && a.Service.Destination!.ServerId == serverId && !ids.Contains(a.Id))
            .Select(a => new { Name = a.Service!.Name + "/" + a.Name, a.Uuid, a.Fqdn, TeamId = a.Service.Environment!.Project!.TeamId, Kind = "service" }).ToListAsync(cancellationToken);
        var conflicts = (
            from other in applications.Concat(services)
            from used in ProxyDomain.ReadStored(other.Fqdn)
            from want in wanted
            where used.Host == want.Domain.Host && used.Path == want.Domain.Path && other.Uuid != want.Application.Uuid
            let ours = other.TeamId == teamId
            let name = ours ? other.Name : "a resource of another team"
            let shown = want.Domain.Host + (want.Domain.Path == "/" ? string.Empty : want.Domain.Path)
            select new DomainConflict(shown, name, ours ? other.Uuid : null, other.Kind, $"Domain {shown} is already in use by {(ours ? $"{other.Kind} '{other.Name}'" : name)}")).ToList();
        if (conflicts.Count > 0)
        {
            throw new DomainConflictException(conflicts);
        }
    }
}
