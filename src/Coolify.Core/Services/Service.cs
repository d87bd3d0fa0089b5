using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Servers;

namespace Coolify.Core.Services;

/// <summary>
/// A Compose project on a destination: one-click (from a catalog template, <see cref="ServiceType"/>) or the user's
/// own compose file. Each compose service is a <see cref="ServiceApplication"/> (routable) or a
/// <see cref="ServiceDatabase"/>; their containers are named <c>&lt;service&gt;-&lt;uuid&gt;</c>, the project by the uuid.
/// </summary>
public class Service : Entity, ISoftDeletable
{
    public int EnvironmentId { get; set; }

    public ProjectEnvironment? Environment { get; set; }

    public int DestinationId { get; set; }

    public Destination? Destination { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The compose file as the user (or the template) wrote it.</summary>
    public required string DockerComposeRaw { get; set; }

    /// <summary>What Compose was last given (names, labels, networks, values filled in): encrypted at rest, as it holds the secrets.</summary>
    [Encrypted]
    public string? DockerCompose { get; set; }

    /// <summary>The catalog template it came from (Coolify's <c>service_type</c>), null for a raw compose file.</summary>
    public string? ServiceType { get; set; }

    /// <summary>Also join the destination's network under the bare service names (Coolify's "connect to predefined network").</summary>
    public bool ConnectToDockerNetwork { get; set; }

    public bool IsContainerLabelEscapeEnabled { get; set; } = true;

    public bool IsContainerLabelReadonlyEnabled { get; set; } = true;

    /// <summary>
    /// A team admin allowed the options that reach beyond the service's own containers (privileged, the host's
    /// network, devices, host paths such as the Docker socket). Off: a compose file with them is refused.
    /// </summary>
    public bool AllowRiskyOptions { get; set; }

    /// <summary>The risky options (one per line) the team admin allowed: an edit by anyone else that adds one is refused.</summary>
    public string? ApprovedRisks { get; set; }

    /// <summary>Coolify's status words, the worst of its containers' (<c>running:healthy</c>, <c>exited</c>, ...).</summary>
    public string Status { get; set; } = "exited";

    public DateTime? DeletedAt { get; set; }

    public List<ServiceApplication> Applications { get; set; } = [];

    public List<ServiceDatabase> Databases { get; set; } = [];
}
