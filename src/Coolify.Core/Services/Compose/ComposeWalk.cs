namespace Coolify.Core.Services.Compose;

/// <summary>The string values of a compose tree — what Compose interpolates — without the file contents of volume mounts, which it never reads.</summary>
public static class ComposeWalk
{
    public static IEnumerable<string> Strings(ComposeNode node)
    {
        var stack = new Stack<ComposeNode>([node]);
        while (stack.TryPop(out var current))
        {
            switch (current)
            {
                case ComposeScalar scalar:
                    yield return scalar.Value;
                    break;
                case ComposeList list:
                    list.Items.ForEach(stack.Push);
                    break;
                case ComposeMap map:
                    foreach (var (key, value) in map.Entries.Where(e => !IsMountContent(map, e.Key)))
                    {
                        stack.Push(value);
                    }

                    break;
            }
        }
    }

    /// <summary>Replaces every scalar value (not keys, not file contents) by <paramref name="change"/>'s result, keeping whether it was quoted.</summary>
    public static void Rewrite(ComposeNode node, Func<string, string> change)
    {
        switch (node)
        {
            case ComposeList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    list.Items[i] = list.Items[i] is ComposeScalar s ? Changed(s, change) : list.Items[i];
                    Rewrite(list.Items[i], change);
                }

                break;
            case ComposeMap map:
                foreach (var (key, value) in map.Entries.ToList())
                {
                    if (IsMountContent(map, key))
                    {
                        continue;
                    }

                    map[key] = value is ComposeScalar s ? Changed(s, change) : value;
                    Rewrite(value, change);
                }

                break;
        }
    }

    // A volume mount's file content (Coolify's content:) is written as it is, never read by Compose: no interpolation.
    // Only there — anywhere else a key named "content" is an ordinary value.
    private static bool IsMountContent(ComposeMap map, string key) => key == "content" && map.ContainsKey("target");

    private static ComposeScalar Changed(ComposeScalar scalar, Func<string, string> change) =>
        scalar.IsNull ? scalar : change(scalar.Value) is var changed && changed == scalar.Value ? scalar : new ComposeScalar(changed, scalar.Quoted || !ReadsAsWritten(changed));

    // A value filled in where the file had a plain scalar stays plain only as a number or true/false (what such a
    // placeholder stands for: retries, ports, flags); anything else — empty, "yes", "0x10", "a: b" — is written quoted,
    // so Compose reads the text that was filled in.
    private static bool ReadsAsWritten(string value) =>
        value is "true" or "false" || (value.Length is > 0 and < 20 && value.All(char.IsAsciiDigit) && (value == "0" || value[0] != '0'));
}
