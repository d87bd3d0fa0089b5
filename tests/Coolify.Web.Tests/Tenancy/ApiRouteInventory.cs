using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Tenancy;

/// <summary>Every <c>/api/v1</c> route the running app maps, found by asking the app — so new routes are covered automatically.</summary>
public static class ApiRouteInventory
{
    /// <param name="InstanceLevel">Acts on the instance (settings, audit log), for instance admins only.</param>
    /// <param name="ReadsSensitive">A read that needs <c>read:sensitive</c> (a backup's file): not for read-only tokens.</param>
    public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> Parameters, bool InstanceLevel, bool ReadsSensitive = false)
    {
        public bool IsWrite => Method is not ("GET" or "HEAD");

        public bool HasParameters => Parameters.Count > 0;

        public string Url(Func<string, string> valueFor) =>
            Parameters.Aggregate(Pattern, (url, name) => System.Text.RegularExpressions.Regex.Replace(url, $"{{{name}(:[^}}]*)?}}", valueFor(name)));

        public override string ToString() => $"{Method} {Pattern}";
    }

    public static IReadOnlyList<ApiRoute> Discover(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ApiRoute(m, e.RoutePattern.RawText!, e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                    e.Metadata.GetMetadata<Coolify.Web.Auth.InstanceAdminOnlyMetadata>() is not null,
                    e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                        .Any(a => a.Policy == Coolify.Web.Auth.ApiAuthorization.PolicyFor(Coolify.Core.Teams.Abilities.ReadSensitive)))))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
}
