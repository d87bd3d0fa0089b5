namespace Coolify.Core.Common;

/// <summary>
/// A resource that carries environment variables, storages and tags, as a route names it: its kind
/// (<see cref="ResourceKind"/>) and uuid. One key for both, so those features have one implementation for every kind.
/// </summary>
public readonly record struct ResourceRef(string Kind, string? Uuid)
{
    public static ResourceRef Application(string? uuid) => new(ResourceKind.Application, uuid);

    public static ResourceRef Database(string? uuid) => new(ResourceKind.Database, uuid);

    public static ResourceRef Service(string? uuid) => new(ResourceKind.Service, uuid);
}
