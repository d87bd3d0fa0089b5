namespace Coolify.Core.Applications;

/// <summary>What Coolify's <c>POST /applications/public</c> takes: where it goes, which repository and how to build it.</summary>
public sealed record NewGitApplication(
    string? ProjectUuid,
    string? ServerUuid,
    string? EnvironmentName,
    string? EnvironmentUuid,
    string? GitRepository,
    string? GitBranch,
    string? BuildPack,
    string? PortsExposes,
    string? DestinationUuid = null,
    string? Name = null,
    string? Description = null,
    string? BaseDirectory = null,
    string? DockerfileLocation = null);
