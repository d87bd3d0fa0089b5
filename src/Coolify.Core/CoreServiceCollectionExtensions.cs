using Coolify.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the feature services (use cases) of Core.</summary>
    public static IServiceCollection AddCoolifyCore(this IServiceCollection services)
    {
        services.AddScoped<AccountRegistration>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<TeamAccessResolver>();
        services.AddScoped<TeamScopeFactory>();
        services.AddScoped<TeamQueries>();
        return services;
    }
}
