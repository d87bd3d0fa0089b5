using Coolify.Core.Common;

namespace Coolify.Core.Servers;

/// <summary>
/// A Docker network on a server that resources are attached to. Coolify keeps two tables (standalone_dockers,
/// swarm_dockers) behind a polymorphic reference; one table with a <see cref="Type"/> is enough here.
/// </summary>
public class Destination : Entity
{
    public const string Standalone = "standalone";
    public const string Swarm = "swarm";

    public int ServerId { get; set; }

    public Server? Server { get; set; }

    public required string Name { get; set; }

    /// <summary>The Docker network name (Coolify's default: <c>coolify</c>).</summary>
    public required string Network { get; set; }

    /// <summary><c>standalone</c> or <c>swarm</c>.</summary>
    public string Type { get; set; } = Standalone;
}
