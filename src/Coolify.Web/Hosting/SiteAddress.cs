using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Hosting;

/// <summary>
/// The dashboard's own address for links sent to people (password resets, invitations): the instance's
/// configured <c>fqdn</c> when there is one, so a forged Host header cannot aim a link elsewhere; else the
/// address the request came to.
/// </summary>
public static class SiteAddress
{
    public static async Task<Uri> ResolveAsync(CoolifyDbContext db, Uri requestBase, CancellationToken cancellationToken)
    {
        var fqdn = await db.InstanceSettings.Select(s => s.Fqdn).SingleAsync(cancellationToken);
        return fqdn is not null ? new Uri(fqdn) : requestBase;
    }
}
