using Coolify.Core.Common;

namespace Coolify.Web.Api;

/// <summary>
/// The resources whose variables, storages and tags Coolify's API addresses under their own path
/// (<c>/applications/{uuid}/envs</c>, <c>/databases/{uuid}/envs</c>, ...): one set of handlers maps onto each.
/// </summary>
/// <param name="Segment">The path's first segment.</param>
/// <param name="Noun">The word in Coolify's operation ids (<c>list-envs-by-database-uuid</c>).</param>
/// <param name="Tag">The OpenAPI tag the routes are listed under.</param>
/// <param name="HasStorages">Whether storages are addressed here (a service's belong to its applications and databases).</param>
internal sealed record ResourceRoutes(string Kind, string Segment, string Noun, string Tag, bool HasStorages = true)
{
    public static readonly IReadOnlyList<ResourceRoutes> All =
    [
        new(ResourceKind.Application, "applications", "application", "Applications"),
        new(ResourceKind.Database, "databases", "database", "Databases"),
        new(ResourceKind.Service, "services", "service", "Services", HasStorages: false),
    ];

    public ResourceRef For(string uuid) => new(Kind, uuid);
}
