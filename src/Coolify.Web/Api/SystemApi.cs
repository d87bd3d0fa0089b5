using System.Reflection;

namespace Coolify.Web.Api;

/// <summary>Liveness and version, as Coolify answers them (plain strings, not JSON).</summary>
public static class SystemApi
{
    public static readonly string Version =
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Health).WithName("Health").WithTags("System");
        // Coolify requires a token here; tokens arrive with the tenancy work ([2/7]), until then it is public.
        app.MapGet("/api/v1/version", GetVersion).WithName("Version").WithTags("System");
        return app;
    }

    public static IResult Health() => TypedResults.Text("OK");

    public static IResult GetVersion() => TypedResults.Text(Version);
}
