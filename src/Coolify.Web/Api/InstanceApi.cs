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
        var api = app.MapGroup("/api/v1").WithTags("Instance").RequireAbility(Abilities.Root).RequireInstanceAdmin().RequireRateLimiting(ApiRateLimiting.Policy);
        api.MapPost("/enable", (CoolifyDbContext db, CancellationToken ct) => SetApiEnabledAsync(true, db, ct)).WithName("enable-api");
        api.MapPost("/disable", (CoolifyDbContext db, CancellationToken ct) => SetApiEnabledAsync(false, db, ct)).WithName("disable-api");
        return app;
    }

    public static async Task<Ok<ApiMessage>> SetApiEnabledAsync(bool enabled, CoolifyDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.InstanceSettings.SingleAsync(cancellationToken);
        settings.IsApiEnabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ApiMessage(enabled ? "API enabled." : "API disabled."));
    }
}
