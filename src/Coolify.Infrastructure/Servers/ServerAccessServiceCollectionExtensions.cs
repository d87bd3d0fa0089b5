using Coolify.Core.Security;
using Coolify.Infrastructure.Servers.Ssh;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Infrastructure.Servers;

public static class ServerAccessServiceCollectionExtensions
{
    /// <summary>SSH keys (reading, generating); the connection pool and shells follow with the servers feature.</summary>
    public static IServiceCollection AddCoolifyServerAccess(this IServiceCollection services)
    {
        services.AddSingleton<ISshKeys, SshKeys>();
        return services;
    }
}
