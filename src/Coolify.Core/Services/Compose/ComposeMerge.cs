namespace Coolify.Core.Services.Compose;

/// <summary>
/// YAML's merge key (<c>&lt;&lt;: *defaults</c>, or a list of them): the merged maps' entries the mapping does
/// not set itself, the first map winning, as Compose reads it.
/// </summary>
internal static class ComposeMerge
{
    public const string Key = "<<";

    public static ComposeMap Apply(ComposeMap map, ref int nodes)
    {
        if (map[Key] is not { } merge)
        {
            return map;
        }

        map[Key] = null;
        var sources = merge is ComposeList list ? list.Items : [merge];
        foreach (var source in sources)
        {
            if (source is not ComposeMap from)
            {
                throw ComposeYamlReader.Refused("A merge key (<<) must name a mapping or a list of mappings.");
            }

            foreach (var (key, value) in from.Entries)
            {
                if (!map.ContainsKey(key))
                {
                    ComposeYamlReader.Count(ref nodes, ComposeYamlReader.Size(value));
                    map[key] = value.Clone();
                }
            }
        }

        return map;
    }
}
