using System.Text;
using Coolify.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// Reads a compose file into <see cref="ComposeNode"/>s from the parser's events, without recursion and within
/// limits, so a hostile file cannot exhaust the control plane: the text's size, the nesting depth, and the number
/// of nodes once every alias and merge key is expanded (a "billion laughs" file is refused after the limit, not
/// after the laughs).
/// </summary>
public static class ComposeYamlReader
{
    public const string Field = "docker_compose_raw";
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 200_000;

    private sealed class Frame(ComposeNode node, string? anchor)
    {
        public ComposeNode Node { get; } = node;
        public string? Anchor { get; } = anchor;
        public string? PendingKey { get; set; }
    }

    /// <exception cref="ValidationException">The text is not one YAML mapping within the limits.</exception>
    public static ComposeMap Read(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            throw Refused($"The compose file is larger than {MaxBytes / 1024} KB.");
        }

        try
        {
            return ReadEvents(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            throw Refused($"The compose file is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {Reason(e)}");
        }
    }

    private static ComposeMap ReadEvents(IParser parser)
    {
        var anchors = new Dictionary<string, ComposeNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var nodes = 0;
        ComposeNode? root = null;
        var documents = 0;
        while (parser.MoveNext())
        {
            ComposeNode? completed = null;
            string? completedAnchor = null;
            switch (parser.Current)
            {
                case DocumentStart when ++documents > 1:
                    throw Refused("The compose file must hold one YAML document.");
                case MappingStart start:
                    Push(stack, new ComposeMap(), start.Anchor, ref nodes);
                    break;
                case SequenceStart start:
                    Push(stack, new ComposeList(), start.Anchor, ref nodes);
                    break;
                case MappingEnd or SequenceEnd:
                    var frame = stack.Pop();
                    completed = frame.Node is ComposeMap map ? ComposeMerge.Apply(map, ref nodes) : frame.Node;
                    completedAnchor = frame.Anchor;
                    break;
                case Scalar scalar:
                    Count(ref nodes, 1);
                    completed = new ComposeScalar(scalar.Value, IsString(scalar));
                    completedAnchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw Refused($"The compose file uses the alias *{alias.Value.Value} before its anchor.");
                    }

                    Count(ref nodes, Size(target));
                    completed = target.Clone();
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (completedAnchor is not null)
            {
                anchors[completedAnchor] = completed;
            }

            if (stack.Count == 0)
            {
                root = completed;
            }
            else
            {
                Attach(stack.Peek(), completed);
            }
        }

        return root as ComposeMap ?? throw Refused("The compose file must be a YAML mapping with a services section.");
    }

    private static void Push(Stack<Frame> stack, ComposeNode node, AnchorName anchor, ref int nodes)
    {
        if (stack.Count >= MaxDepth)
        {
            throw Refused($"The compose file nests deeper than {MaxDepth} levels.");
        }

        Count(ref nodes, 1);
        stack.Push(new Frame(node, anchor.IsEmpty ? null : anchor.Value));
    }

    private static void Attach(Frame parent, ComposeNode child)
    {
        if (parent.Node is ComposeList list)
        {
            list.Items.Add(child);
        }
        else if (parent.PendingKey is null)
        {
            parent.PendingKey = child is ComposeScalar key ? key.Value : throw Refused("The compose file uses a map or list as a key.");
        }
        else
        {
            var map = (ComposeMap)parent.Node;
            // Merge keys may repeat (<<: *a then <<: *b is how some files write a list); other keys may not.
            if (parent.PendingKey != ComposeMerge.Key && map.ContainsKey(parent.PendingKey))
            {
                throw Refused($"The compose file repeats the key \"{parent.PendingKey}\" in one mapping.");
            }

            map[parent.PendingKey] = parent.PendingKey == ComposeMerge.Key && map[ComposeMerge.Key] is { } earlier
                ? new ComposeList([.. earlier is ComposeList l ? l.Items : [earlier], child])
                : child;
            parent.PendingKey = null;
        }
    }

    internal static void Count(ref int nodes, int more)
    {
        nodes += more;
        if (nodes > MaxNodes)
        {
            throw Refused($"The compose file expands to more than {MaxNodes:N0} values (through anchors and aliases); that is not a compose file.");
        }
    }

    internal static int Size(ComposeNode node) => node switch
    {
        ComposeMap map => 1 + map.Entries.Sum(e => 1 + Size(e.Value)),
        ComposeList list => 1 + list.Items.Sum(Size),
        _ => 1,
    };

    // Quoted, block and explicitly tagged !!str scalars are strings; plain ones keep YAML's reading.
    private static bool IsString(Scalar scalar) =>
        scalar.Style is not ScalarStyle.Plain || !scalar.Tag.IsNonSpecific && !scalar.Tag.IsEmpty && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str";

    private static string Reason(YamlException e) => (e.InnerException?.Message ?? e.Message).Split('\n')[0];

    internal static ValidationException Refused(string message) => ValidationException.For(Field, message);
}
