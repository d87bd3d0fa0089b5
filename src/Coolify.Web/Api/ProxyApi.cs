using System.Security.Claims;
using Coolify.Core.Proxy;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's <c>/servers/{uuid}/proxy</c> routes (get, update, configuration, restart), and the dashboard's other
/// proxy actions as routes of their own: start, stop, logs.
/// </summary>
public static class ProxyApi
{
    public static IEndpointRouteBuilder MapProxyEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/servers/{uuid}/proxy", GetAsync).WithName("get-server-proxy");
        read.MapGet("/servers/{uuid}/proxy/logs", LogsAsync).WithName("get-server-proxy-logs");
        read.MapGet("/applications/{uuid}/certificates", CertificatesAsync).WithTags("Applications").WithName("get-application-certificates");

        var write = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPatch("/servers/{uuid}/proxy", UpdateAsync).WithName("update-server-proxy");
        write.MapPut("/servers/{uuid}/proxy/configuration", SaveConfigurationAsync).WithName("save-server-proxy-configuration");
        write.MapPost("/servers/{uuid}/proxy/start", StartAsync).WithName("start-server-proxy");
        write.MapPost("/servers/{uuid}/proxy/stop", StopAsync).WithName("stop-server-proxy");
        write.MapPost("/servers/{uuid}/proxy/restart", RestartAsync).WithName("restart-server-proxy");
        return app;
    }

    /// <param name="Configuration">The server's own proxy configuration (a Caddyfile fragment).</param>
    /// <param name="AppliedConfiguration">The whole configuration the proxy runs now.</param>
    /// <param name="LastError">Why the last configuration was refused, if it was.</param>
    public sealed record ProxyResponse(
        string? ProxyType, string? Status, bool RedirectEnabled, string? RedirectUrl, bool GenerateExactLabels,
        [property: Sensitive] string? Configuration, [property: Sensitive] string? AppliedConfiguration, DateTime? AppliedAt, string? LastError, int HttpPort, int HttpsPort);

    public sealed record ProxyUpdateRequest(bool? RedirectEnabled, string? RedirectUrl, bool? GenerateExactLabels, string? ProxyType, int? HttpPort, int? HttpsPort);

    public sealed record ProxyConfigurationRequest(string? Configuration);

    public sealed record ProxyLogs(string Logs);

    public static async Task<Ok<IReadOnlyList<CertificateStatus>>> CertificatesAsync(
        string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct) =>
        TypedResults.Ok(await proxies.CertificatesAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct));

    public static async Task<Ok<ProxyResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, proxies, ct));

    public static async Task<Ok<ProxyResponse>> UpdateAsync(
        string uuid, ProxyUpdateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        await proxies.UpdateAsync(scope, uuid, new ProxyChange(body.RedirectEnabled, body.RedirectUrl, body.GenerateExactLabels, body.ProxyType, body.HttpPort, body.HttpsPort), ct);
        return TypedResults.Ok(await ResponseAsync(scope, uuid, proxies, ct));
    }

    /// <summary>Coolify asks for multi-line configurations in base64; plain text is taken too.</summary>
    public static async Task<Ok<ProxyResponse>> SaveConfigurationAsync(
        string uuid, ProxyConfigurationRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        await proxies.SaveConfigurationAsync(scope, uuid, ApiText.Base64OrText(body.Configuration), ct);
        return TypedResults.Ok(await ResponseAsync(scope, uuid, proxies, ct));
    }

    public static async Task<Ok<ApiMessage>> StartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct)
    {
        await proxies.StartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Proxy started."));
    }

    public static async Task<Ok<ApiMessage>> StopAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct)
    {
        await proxies.StopAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Proxy stopped."));
    }

    public static async Task<Ok<ApiMessage>> RestartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct)
    {
        await proxies.RestartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Proxy restarted."));
    }

    public static async Task<Ok<ProxyLogs>> LogsAsync(string uuid, int? lines, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyService proxies, CancellationToken ct) =>
        TypedResults.Ok(new ProxyLogs(await proxies.LogsAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, lines ?? 100, ct)));

    private static async Task<ProxyResponse> ResponseAsync(TeamScope scope, string uuid, ProxyService proxies, CancellationToken ct)
    {
        var (server, proxy) = await proxies.GetAsync(scope, uuid, ct);
        return new ProxyResponse(
            server.ProxyType, server.ProxyType == "none" ? null : proxy.Status, proxy.RedirectEnabled, proxy.RedirectUrl, proxy.GenerateExactLabels, proxy.CustomConfiguration,
            proxy.AppliedConfiguration, proxy.AppliedAt, proxy.LastError, proxy.HttpPort, proxy.HttpsPort);
    }
}
