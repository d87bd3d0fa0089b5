using Coolify.Core.Common;

namespace Coolify.Core.Services;

/// <summary>A compose service of a <see cref="Service"/> whose image is a database engine Coolify knows.</summary>
public class ServiceDatabase : Entity
{
    public int ServiceId { get; set; }

    public Service? Service { get; set; }

    public required string Name { get; set; }

    public string? HumanName { get; set; }

    public string? Description { get; set; }

    public string? Image { get; set; }

    /// <summary>The engine the image is (<c>postgresql</c>, <c>mysql</c>, ...), as <see cref="Databases.DatabaseEngine.Name"/>.</summary>
    public string? DatabaseType { get; set; }

    public bool ExcludeFromStatus { get; set; }

    public bool IsPublic { get; set; }

    public int? PublicPort { get; set; }

    public bool IsLogDrainEnabled { get; set; }

    public string Status { get; set; } = "exited";
}
