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
                    foreach (var (key, value) in map.Entries.Where(e => e.Key != "content"))
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
                    if (key == "content")
                    {
                        continue;
                    }

                    map[key] = value is ComposeScalar s ? Changed(s, change) : value;
                    Rewrite(value, change);
                }

                break;
        }
    }

    private static ComposeScalar Changed(ComposeScalar scalar, Func<string, string> change) =>
        scalar.IsNull ? scalar : change(scalar.Value) is var changed && changed == scalar.Value ? scalar : new ComposeScalar(changed, scalar.Quoted);
}
