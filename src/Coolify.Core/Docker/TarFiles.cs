using System.Formats.Tar;

namespace Coolify.Core.Docker;

/// <summary>Files (and folders) as a tar archive for <c>docker cp -</c>: contents reach a container without a copy on the server.</summary>
public static class TarFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <param name="entries">Relative paths; a null content is a folder.</param>
    public static MemoryStream Create(IEnumerable<(string Path, byte[]? Content)> entries)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                writer.WriteEntry(content is null
                    ? new PaxTarEntry(TarEntryType.Directory, path.TrimEnd('/') + "/") { Mode = DirectoryMode }
                    : new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = FileMode, DataStream = new MemoryStream(content) });
            }
        }

        archive.Position = 0;
        return archive;
    }
}
