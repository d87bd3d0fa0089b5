namespace Coolify.Core.Common;

/// <summary>
/// Names of the resource kinds a polymorphic row (environment variable, volume, tag link) can belong to.
/// Coolify stores PHP class names there; short stable names are enough here.
/// </summary>
public static class ResourceKind
{
    public const string Application = "application";
    public const string Service = "service";
    public const string Database = "database";

    public const int MaxLength = 64;
}
