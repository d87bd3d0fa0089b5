using Coolify.Core.Security;
using Coolify.Infrastructure.Servers.Ssh;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Infrastructure.Servers;

public static class ServerAccessServiceCollectionExtensions
{
    /// <summary>SSH keys, the SSH connection pool and the shell of each server.</summary>
    public static IServiceCollection AddCoolifyServerAccess(this IServiceCollection services)
    {
        services.AddSingleton<ISshKeys, SshKeys>();
        services.AddSingleton<Coolify.Core.Commands.IHostKeyStore, Coolify.Core.Servers.ServerHostKeys>();
        services.AddSingleton<SshConnectionPool>();
        services.AddSingleton<Coolify.Core.Servers.IServerShells, ServerShells>();
        return services;
    }
}
