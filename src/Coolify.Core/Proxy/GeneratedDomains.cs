using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Proxy;

/// <summary>The generated domains of one server (<see cref="GeneratedDomain"/>): its settings and the instance's public address read once.</summary>
public static class GeneratedDomains
{
    /// <returns>A label (a uuid, <c>web-&lt;uuid&gt;</c>) → <c>scheme://label.host</c> for the server.</returns>
    public static async Task<Func<string, string>> ForServerAsync(CoolifyDbContext db, int serverId, CancellationToken cancellationToken)
    {
        var server = await db.Servers.AsNoTracking().Include(s => s.Settings).SingleAsync(s => s.Id == serverId, cancellationToken);
        var publicIpv4 = await db.InstanceSettings.AsNoTracking().Select(s => s.PublicIpv4).FirstOrDefaultAsync(cancellationToken);
        return label => GeneratedDomain.For(label, server, publicIpv4);
    }
}
