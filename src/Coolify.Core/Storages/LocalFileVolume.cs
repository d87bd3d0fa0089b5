using Coolify.Core.Common;

namespace Coolify.Core.Storages;

/// <summary>A file (or directory) written on the server from stored content and bind-mounted into a container.</summary>
public class LocalFileVolume : Entity
{
    public required string ResourceType { get; set; }

    public int ResourceId { get; set; }

    /// <summary>Path of the file on the server.</summary>
    public required string FsPath { get; set; }

    public required string MountPath { get; set; }

    /// <summary>The file's content; encrypted at rest because config files routinely hold credentials.</summary>
    [Encrypted]
    public string? Content { get; set; }

    public bool IsDirectory { get; set; }

    public bool IsBasedOnGit { get; set; }

    public string? Chown { get; set; }

    public string? Chmod { get; set; }
}
