using System.Formats.Tar;
using System.Text;
using Coolify.Core.Storages;

namespace Coolify.Core.Deployments;

/// <summary>
/// An application's file mounts as one tar archive, unpacked at the root of its new container before it starts
/// (<c>docker cp -</c>): no copies of the files stay on the server, and missing parent folders are made by Docker.
/// </summary>
internal static class FileMountArchive
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static MemoryStream Create(IEnumerable<LocalFileVolume> files)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in files)
            {
                // Paths were checked when stored: absolute, plain segments, no "..".
                var name = file.MountPath.TrimStart('/');
                var entry = file.IsDirectory
                    ? new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = DirectoryMode }
                    : new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = FileMode, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(file.Content ?? string.Empty)) };
                writer.WriteEntry(entry);
            }
        }

        archive.Position = 0;
        return archive;
    }
}
