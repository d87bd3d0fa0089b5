using System.Security.Claims;
using Coolify.Core.Teams;
using Coolify.Web.Api;

namespace Coolify.Web.Auth;

/// <summary>Marks a route as acting on the instance, not a team: only instance admins may call it.</summary>
public sealed class InstanceAdminOnlyMetadata
{
    public static readonly InstanceAdminOnlyMetadata Instance = new();
}

/// <summary>
/// Instance-level API routes (settings, audit log, enabling the API): the caller's user must administer the root
/// team, checked per request like every role. Route tests find these routes by their metadata.
/// </summary>
public static class InstanceAdminRoutes
{
    public static TBuilder RequireInstanceAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(InstanceAdminOnlyMetadata.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var resolver = http.RequestServices.GetRequiredService<TeamAccessResolver>();
            return await resolver.IsInstanceAdminAsync(http.User.UserId(), http.RequestAborted)
                ? await next(context)
                : ApiResults.Forbidden("Only instance administrators (admins of the root team) can do this.");
        });
        return builder;
    }
}
