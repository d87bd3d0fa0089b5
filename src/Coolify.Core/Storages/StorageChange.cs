namespace Coolify.Core.Storages;

/// <summary>
/// A storage of an application, as Coolify's storages routes take it: <c>persistent</c> (a named Docker volume, or a
/// host folder when <see cref="HostPath"/> is given) or <c>file</c> (a file, or a folder, written into the container).
/// </summary>
public sealed record StorageChange(
    string? Type,
    string? Uuid = null,
    string? Name = null,
    string? MountPath = null,
    string? HostPath = null,
    string? Content = null,
    bool? IsDirectory = null);
