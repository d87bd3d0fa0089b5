using System.Security.Claims;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Api;

/// <summary>Turning the API on and off (Coolify's <c>/enable</c>, <c>/disable</c>): root tokens of instance admins only.</summary>
public static class InstanceApi
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Instance").RequireAbility(Abilities.Root).RequireRateLimiting(ApiRateLimiting.Policy);
        api.MapPost("/enable", (ClaimsPrincipal user, TeamAccessResolver access, CoolifyDbContext db, CancellationToken ct) =>
            SetApiEnabledAsync(true, user, access, db, ct)).WithName("enable-api");
        api.MapPost("/disable", (ClaimsPrincipal user, TeamAccessResolver access, CoolifyDbContext db, CancellationToken ct) =>
            SetApiEnabledAsync(false, user, access, db, ct)).WithName("disable-api");
        return app;
    }

    public static async Task<Results<Ok<ApiMessage>, JsonHttpResult<ApiMessage>>> SetApiEnabledAsync(
        bool enabled, ClaimsPrincipal user, TeamAccessResolver access, CoolifyDbContext db, CancellationToken cancellationToken)
    {
        if (!await access.IsInstanceAdminAsync(user.UserId(), cancellationToken))
        {
            return ApiResults.Forbidden($"You are not allowed to {(enabled ? "enable" : "disable")} the API.");
        }

        var settings = await db.InstanceSettings.SingleAsync(cancellationToken);
        settings.IsApiEnabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ApiMessage(enabled ? "API enabled." : "API disabled."));
    }
}
