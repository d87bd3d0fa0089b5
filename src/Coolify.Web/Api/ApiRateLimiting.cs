using System.Globalization;
using System.Threading.RateLimiting;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.RateLimiting;

namespace Coolify.Web.Api;

/// <summary>Per-token request budget for the API (Coolify: 200 a minute), 429 with Coolify's body beyond it.</summary>
public static class ApiRateLimiting
{
    public const string Policy = "api";
    public const string LimitVariable = "COOLIFY_API_RATE_LIMIT";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = int.TryParse(configuration[LimitVariable], CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : 200;
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                // By token; a request without one (about to get 401) is limited by address instead.
                context.User.FindFirst(CoolifyClaims.TokenId)?.Value ?? "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new ApiMessage("Rate limit exceeded. Please try again later."), cancellationToken);
            };
        });
        return services;
    }
}
