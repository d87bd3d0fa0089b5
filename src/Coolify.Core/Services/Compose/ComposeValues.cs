namespace Coolify.Core.Services.Compose;

/// <summary>How Compose reads a few kinds of values.</summary>
public static class ComposeValues
{
    /// <summary>YAML 1.1's true (Compose v1 reads YAML 1.1; v2 accepts the same words).</summary>
    public static bool IsTrue(string value) => value.Trim().ToLowerInvariant() is "true" or "yes" or "on" or "y" or "1";

    /// <summary>The text of a scalar, or the items of a list of scalars; nothing for anything else.</summary>
    public static IEnumerable<string> Strings(ComposeNode? node) => node switch
    {
        ComposeScalar { IsNull: false } scalar => [scalar.Value],
        ComposeList list => list.Items.OfType<ComposeScalar>().Where(s => !s.IsNull).Select(s => s.Value),
        _ => [],
    };

    /// <summary>
    /// A service's <c>environment</c> as ordered entries, list form (<c>KEY=value</c>, or a bare <c>KEY</c> whose value
    /// is null) or map form. Null when the node is neither.
    /// </summary>
    public static List<KeyValuePair<string, string?>>? Environment(ComposeNode? node)
    {
        switch (node)
        {
            case null:
                return [];
            case ComposeList list:
                return [.. list.Items.OfType<ComposeScalar>().Select(s => Item(s.Value))];
            case ComposeMap map:
                // A numeric key holds a KEY=value item: a list merged into a map as PHP writes it (Coolify's catalog
                // has such); variable names never start with a digit, so nothing else reads that way.
                return [.. map.Entries.Select(e => e.Key.All(char.IsAsciiDigit) && e.Value is ComposeScalar { IsNull: false } item
                    ? Item(item.Value)
                    : new KeyValuePair<string, string?>(e.Key, e.Value is ComposeScalar { IsNull: false } s ? s.Value : null))];
            default:
                return null;
        }
    }

    private static KeyValuePair<string, string?> Item(string text) =>
        text.IndexOf('=') is var i and >= 0 ? new(text[..i], text[(i + 1)..]) : new(text, null);
}
