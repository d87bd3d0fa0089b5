namespace Coolify.Core.Services.Compose;

/// <summary>
/// A node of a compose file as we hold it: a map, a list or a scalar, with aliases and merge keys already expanded,
/// so a change to one service never reaches another through a shared anchor.
/// </summary>
public abstract class ComposeNode
{
    /// <summary>A deep copy (the writer and the normaliser change nodes in place).</summary>
    public abstract ComposeNode Clone();
}
