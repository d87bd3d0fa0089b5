using Coolify.Core.Storages;

namespace Coolify.Core.Databases;

/// <summary>
/// What a database's user added beside its engine's own settings: environment variables and storages (the same
/// rows, and the same checks, as an application's). The engine's variables and mounts win over these.
/// </summary>
public sealed record DatabaseCustomizations(
    IReadOnlyList<KeyValuePair<string, string>> Environment, IReadOnlyList<LocalPersistentVolume> Volumes, IReadOnlyList<LocalFileVolume> Files)
{
    public static readonly DatabaseCustomizations None = new([], [], []);

    /// <summary>The service's mounts: a named volume (declared in the file) or a host folder, read-only when asked.</summary>
    public IEnumerable<string> Mounts() =>
        Volumes.Select(v => $"{v.HostPath ?? v.Name}:{v.MountPath}{(v.IsReadonly ? ":ro" : string.Empty)}");

    public IEnumerable<string> NamedVolumes() => Volumes.Where(v => v.HostPath is null).Select(v => v.Name);

    /// <summary>The file mounts as the container gets them (<c>docker cp</c>): folders with no content, files with theirs.</summary>
    public IEnumerable<(string Path, string? Content)> FileEntries() =>
        Files.Select(f => (f.MountPath, f.IsDirectory ? null : f.Content ?? string.Empty));
}
