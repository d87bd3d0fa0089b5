using System.Text;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// A service's volumes as the server runs them: named volumes as <c>&lt;uuid&gt;_&lt;name&gt;</c> (declared at the top, with
/// the options the file gave them), relative paths under the resource's folder, and <c>content:</c> files taken out
/// of the mounts to be copied into the container before it starts (their text is never on the server's disk).
/// </summary>
internal static class ComposeMounts
{
    public static void Rewrite(
        ComposeMap service, string container, ComposeRenderContext context, List<ComposeProjectFile> files, ComposeMap volumes, ComposeMap declared, List<string> ownPaths)
    {
        RewriteEnvFiles(service, context.Folder, ownPaths);
        if (service["volumes"] is not ComposeList list)
        {
            return;
        }

        var kept = new ComposeList();
        foreach (var entry in list.Items)
        {
            var mount = ComposeMount.Read(entry)!;
            if (mount.Content is not null && !mount.IsDirectory)
            {
                files.Add(new ComposeProjectFile(container, mount.Target, mount.Content));
                continue;
            }

            if (mount.IsBind && mount.Source is { } path)
            {
                var absolute = path.StartsWith('.') ? Path.GetFullPath(Path.Combine(context.Folder, path)) : path;
                if (path.StartsWith('.'))
                {
                    ownPaths.Add(absolute);
                }

                kept.Items.Add(Replace(entry, absolute));
            }
            else if (mount is { Type: ComposeMount.Volume, Source: { } volume } && !IsExternal(declared[volume]))
            {
                var name = VolumeName(context.Uuid, volume);
                var options = declared[volume] is ComposeMap given ? (ComposeMap)given.Clone() : new ComposeMap();
                options["name"] = ComposeScalar.Text(name);
                options["external"] = null;
                volumes[name] = options;
                kept.Items.Add(Replace(entry, name));
            }
            else
            {
                kept.Items.Add(entry);
            }
        }

        service["volumes"] = kept;
    }

    // Relative env files resolve in the resource's folder, never in the directory Compose happens to run in.
    private static void RewriteEnvFiles(ComposeMap service, string folder, List<string> ownPaths)
    {
        string Absolute(string path)
        {
            var full = path.StartsWith('/') ? path : Path.GetFullPath(Path.Combine(folder, path));
            if (!path.StartsWith('/'))
            {
                ownPaths.Add(full);
            }

            return full;
        }

        switch (service["env_file"])
        {
            case ComposeScalar { IsNull: false } one:
                service["env_file"] = ComposeScalar.Text(Absolute(one.Value));
                break;
            case ComposeList list:
                service["env_file"] = new ComposeList(list.Items.Select(item => item switch
                {
                    ComposeScalar { IsNull: false } path => ComposeScalar.Text(Absolute(path.Value)),
                    ComposeMap { } map when map.Text("path") is { } path => WithPath(map, Absolute(path)),
                    _ => item,
                }));
                break;
        }
    }

    private static ComposeMap WithPath(ComposeMap map, string path)
    {
        var copy = (ComposeMap)map.Clone();
        copy["path"] = ComposeScalar.Text(path);
        return copy;
    }

    // An external volume (a risk a team admin allowed) is the existing one, by its own name.
    private static bool IsExternal(ComposeNode? declared) =>
        declared is ComposeMap map && map.Text("external") is { } external && ComposeValues.IsTrue(external);

    /// <summary>Coolify's name for a resource's named volume: <c>&lt;uuid&gt;_&lt;slug of the name&gt;</c>.</summary>
    public static string VolumeName(string uuid, string volume)
    {
        var slug = new StringBuilder();
        foreach (var c in volume.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                slug.Append(c);
            }
            else if (c is '_' or '.' or ' ')
            {
                slug.Append('-');
            }
        }

        return $"{uuid}_{slug.ToString().Trim('-')}";
    }

    // The entry with its source replaced, in the form it was written (short string or long map), without Coolify's extensions.
    private static ComposeNode Replace(ComposeNode entry, string source)
    {
        if (entry is ComposeScalar scalar)
        {
            var parts = scalar.Value.Split(':');
            parts[0] = source;
            return ComposeScalar.Text(string.Join(':', parts));
        }

        var map = (ComposeMap)entry.Clone();
        map["source"] = ComposeScalar.Text(source);
        map["content"] = null;
        map["isDirectory"] = null;
        map["is_directory"] = null;
        return map;
    }
}
