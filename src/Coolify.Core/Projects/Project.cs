using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Core.Projects;

/// <summary>A group of environments; resources live in an environment of a project.</summary>
public class Project : Entity
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<ProjectEnvironment> Environments { get; set; } = [];
}
