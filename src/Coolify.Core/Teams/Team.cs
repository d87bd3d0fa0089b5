using Coolify.Core.Common;

namespace Coolify.Core.Teams;

/// <summary>A tenant. Everything a user creates belongs to exactly one team.</summary>
public class Team : Entity
{
    /// <summary>The instance's first team; its admins and owners administer the instance (Coolify's team 0).</summary>
    public bool IsRootTeam { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool PersonalTeam { get; set; }

    public bool ShowBoarding { get; set; } = true;

    public int? CustomServerLimit { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}
