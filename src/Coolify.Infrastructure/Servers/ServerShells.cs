using Coolify.Core.Commands;
using Coolify.Core.Servers;
using Coolify.Infrastructure.Servers.Ssh;

namespace Coolify.Infrastructure.Servers;

/// <summary>Picks the shell for a server: the host's own processes for localhost without a key, else SSH.</summary>
public sealed class ServerShells(SshConnectionPool pool) : IServerShells
{
    private readonly LocalServerShell _local = new();

    public IServerShell For(Server server)
    {
        if (server.IsLocalhost && server.PrivateKey is null)
        {
            return _local;
        }

        var key = server.PrivateKey ?? throw new ServerConnectionException($"Server {server.Name} has no private key to connect with.");
        return pool.For(new SshServerTarget(server.Uuid, server.Ip, server.Port, server.User, key.PrivateKeyValue)
        {
            ConnectTimeout = TimeSpan.FromSeconds(server.Settings?.ConnectionTimeout ?? 10),
        });
    }

    public void Reconnect(Server server) => pool.Close(server.Uuid);
}
