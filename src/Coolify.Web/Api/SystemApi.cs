using System.Reflection;
using Coolify.Core.Teams;
using Coolify.Web.Auth;

namespace Coolify.Web.Api;

/// <summary>Liveness and version, as Coolify answers them (plain strings, not JSON).</summary>
public static class SystemApi
{
    public static readonly string Version =
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Health).WithName("healthcheck").WithTags("System");
        app.MapGet("/api/v1/version", GetVersion).WithName("version").WithTags("System").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        return app;
    }

    /// <summary>Unknown API addresses answer Coolify's JSON 404, not the dashboard's page.</summary>
    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", () => ApiResults.NotFound()).ExcludeFromDescription();
        return app;
    }

    public static IResult Health() => TypedResults.Text("OK");

    public static IResult GetVersion() => TypedResults.Text(Version);
}
