namespace Coolify.Core.Applications;

/// <summary>What Coolify's <c>POST /applications/dockerimage</c> takes: where it goes and which image runs.</summary>
public sealed record NewDockerImageApplication(
    string? ProjectUuid,
    string? ServerUuid,
    string? EnvironmentName,
    string? EnvironmentUuid,
    string? DockerRegistryImageName,
    string? DockerRegistryImageTag = null,
    string? PortsExposes = null,
    string? DestinationUuid = null,
    string? Name = null,
    string? Description = null);
