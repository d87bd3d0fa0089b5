using System.Globalization;
using System.Threading.RateLimiting;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.RateLimiting;

namespace Coolify.Web.Api;

/// <summary>
/// Per-token request budget for the API (Coolify: 200 a minute), 429 with Coolify's body beyond it; and a
/// per-address budget for the login and registration forms.
/// </summary>
public static class ApiRateLimiting
{
    public const string Policy = "api";
    public const string LimitVariable = "COOLIFY_API_RATE_LIMIT";
    public const string LoginLimitVariable = "COOLIFY_LOGIN_RATE_LIMIT";

    // Form posts that guess or spam credentials; limited per client address (see TrustedProxies).
    private static readonly string[] CredentialForms = ["/login", "/login/two-factor", "/login/recovery", "/register", "/forgot-password", "/reset-password"];

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = PerMinute(configuration, LimitVariable, 200);
        var loginsPerMinute = PerMinute(configuration, LoginLimitVariable, 10);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && CredentialForms.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "login:" + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                // By token; a request without one (about to get 401) is limited by address instead.
                context.User.FindFirst(CoolifyClaims.TokenId)?.Value ?? "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await context.HttpContext.Response.WriteAsJsonAsync(new ApiMessage("Rate limit exceeded. Please try again later."), cancellationToken);
                }
                else
                {
                    await context.HttpContext.Response.WriteAsync("Too many attempts. Wait a minute and try again.", cancellationToken);
                }
            };
        });
        return services;
    }

    private static int PerMinute(IConfiguration configuration, string variable, int fallback) =>
        int.TryParse(configuration[variable], CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : fallback;
}
