namespace Coolify.Core.Services.Compose;

/// <summary>A YAML sequence.</summary>
public sealed class ComposeList(IEnumerable<ComposeNode>? items = null) : ComposeNode
{
    public List<ComposeNode> Items { get; } = [.. items ?? []];

    public override ComposeNode Clone() => new ComposeList(Items.Select(i => i.Clone()));
}
