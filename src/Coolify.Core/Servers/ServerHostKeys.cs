using Coolify.Core.Commands;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Core.Servers;

/// <summary>Host keys pinned in the servers table (<see cref="Server.HostKey"/>), keyed by the server's uuid.</summary>
public sealed class ServerHostKeys(IServiceScopeFactory scopes) : IHostKeyStore
{
    public async ValueTask<string?> GetPinnedAsync(string serverId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        return await db.Servers.Where(s => s.Uuid == serverId).Select(s => s.HostKey).SingleOrDefaultAsync(cancellationToken);
    }

    public async ValueTask PinAsync(string serverId, string fingerprint, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        // Only a server with no pin yet takes one: a concurrent first connection cannot overwrite another's pin.
        await db.Servers.Where(s => s.Uuid == serverId && s.HostKey == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HostKey, fingerprint), cancellationToken);
    }
}
