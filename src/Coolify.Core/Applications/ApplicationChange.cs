namespace Coolify.Core.Applications;

/// <summary>Fields of an application to change (Coolify's PATCH); null keeps the current value.</summary>
public sealed record ApplicationChange(
    string? Name = null,
    string? Description = null,
    string? DockerRegistryImageName = null,
    string? DockerRegistryImageTag = null,
    string? PortsExposes = null,
    int? HealthCheckStartPeriod = null,
    int? HealthCheckInterval = null,
    int? HealthCheckRetries = null);
