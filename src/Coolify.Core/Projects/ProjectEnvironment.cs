using Coolify.Core.Common;

namespace Coolify.Core.Projects;

/// <summary>
/// An environment of a project (<c>production</c> by default). Named ProjectEnvironment in code to stay clear
/// of <see cref="System.Environment"/>; the table and API call it "environment", as Coolify does.
/// </summary>
public class ProjectEnvironment : Entity
{
    public const string DefaultName = "production";

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }
}
