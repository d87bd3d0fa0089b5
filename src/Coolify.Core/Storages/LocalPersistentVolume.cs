using Coolify.Core.Common;

namespace Coolify.Core.Storages;

/// <summary>A named Docker volume (or host path) mounted into a resource's container.</summary>
public class LocalPersistentVolume : Entity
{
    public required string ResourceType { get; set; }

    public int ResourceId { get; set; }

    public required string Name { get; set; }

    public required string MountPath { get; set; }

    /// <summary>Set for a bind mount instead of a named volume.</summary>
    public string? HostPath { get; set; }

    public string? ContainerId { get; set; }

    public bool IsReadonly { get; set; }
}
