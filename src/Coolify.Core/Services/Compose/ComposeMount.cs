namespace Coolify.Core.Services.Compose;

/// <summary>
/// One entry of a service's <c>volumes</c>, short (<c>source:target[:mode]</c>) or long syntax, with Coolify's
/// extensions for file mounts (<c>content</c>, <c>isDirectory</c>).
/// </summary>
public sealed record ComposeMount(string Type, string? Source, string Target, string? Content = null, bool IsDirectory = false)
{
    public const string Volume = "volume";
    public const string Bind = "bind";

    public bool IsBind => Type == Bind;

    /// <summary>The mount an entry describes; null when the entry is neither a string nor a map with a target.</summary>
    public static ComposeMount? Read(ComposeNode entry)
    {
        switch (entry)
        {
            case ComposeScalar { IsNull: false } scalar:
                var parts = scalar.Value.Split(':');
                if (parts.Length == 1)
                {
                    return new ComposeMount(Volume, null, parts[0]);
                }

                // "data/:/x" names the volume "data" (Docker would refuse the slash; Coolify's catalog has one).
                var source = parts[0];
                return IsPath(source) ? new ComposeMount(Bind, source, parts[1]) : new ComposeMount(Volume, source.TrimEnd('/'), parts[1]);
            case ComposeMap map when map.Text("target") is { } target:
                var type = map.Text("type") ?? (IsPath(map.Text("source")) ? Bind : Volume);
                return new ComposeMount(type, map.Text("source"), target, map.Text("content"),
                    map.Text("isDirectory") is { } d && ComposeValues.IsTrue(d) || map.Text("is_directory") is { } e && ComposeValues.IsTrue(e));
            default:
                return null;
        }
    }

    private static bool IsPath(string? source) =>
        source is not null && (source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~'));
}
