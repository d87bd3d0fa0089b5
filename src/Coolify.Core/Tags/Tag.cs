using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Core.Tags;

/// <summary>A team-wide label for resources; deploying a tag deploys everything carrying it.</summary>
public class Tag : Entity
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }
}
