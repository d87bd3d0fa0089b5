using System.Text;
using Coolify.Core.Storages;

namespace Coolify.Core.Deployments;

/// <summary>
/// An application's file mounts as one tar archive, unpacked at the root of its new container before it starts
/// (<c>docker cp -</c>): no copies of the files stay on the server, and missing parent folders are made by Docker.
/// </summary>
internal static class FileMountArchive
{
    // Paths were checked when stored: absolute, plain segments, no "..".
    public static MemoryStream Create(IEnumerable<LocalFileVolume> files) =>
        Docker.TarFiles.Create(files.Select(file => (file.MountPath.TrimStart('/'), file.IsDirectory ? null : Encoding.UTF8.GetBytes(file.Content ?? string.Empty))));
}
