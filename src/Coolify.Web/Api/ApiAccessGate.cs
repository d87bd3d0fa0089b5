using System.Net;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Api;

/// <summary>
/// The instance-wide switches in front of the whole API, as Coolify's: <c>is_api_enabled</c>, and
/// <c>allowed_ips</c> (addresses or CIDR ranges; empty allows all). The client address is the connection's, or
/// the forwarded one only when the request came through a configured trusted proxy.
/// </summary>
public sealed class ApiAccessGate(RequestDelegate next)
{
    // Enabling must stay possible while the API is off; health is for load balancers.
    private static readonly string[] AlwaysOpen = ["/api/health", "/api/v1/enable", "/api/v1/disable"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") || AlwaysOpen.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        // Resolved here, not injected: the dashboard and health checks pass through without a DbContext.
        var db = context.RequestServices.GetRequiredService<CoolifyDbContext>();
        var settings = await db.InstanceSettings.AsNoTracking()
            .Select(s => new { s.IsApiEnabled, s.AllowedIps })
            .SingleAsync(context.RequestAborted);
        if (!settings.IsApiEnabled)
        {
            await ApiResults.Forbidden("API is disabled.").ExecuteAsync(context);
            return;
        }

        if (!IsAllowed(context.Connection.RemoteIpAddress, settings.AllowedIps))
        {
            await ApiResults.Forbidden("You are not allowed to access the API.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public static bool IsAllowed(IPAddress? client, string? allowedIps) => IpRanges.Allows(allowedIps, client);
}
