namespace Coolify.Core.Applications;

/// <summary>
/// An application's configurable fields, as Coolify's API names them (snake_case on the wire); null keeps the current
/// value. The same record is the body of <c>PATCH /applications/{uuid}</c> and the settings part of every create
/// request, so a field has one rule wherever it is set (<see cref="ApplicationFields"/>).
/// </summary>
public record ApplicationChange
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Domains { get; init; }

    // Source
    public string? GitRepository { get; init; }
    public string? GitBranch { get; init; }
    public string? GitCommitSha { get; init; }
    public string? DockerRegistryImageName { get; init; }
    public string? DockerRegistryImageTag { get; init; }

    // Build
    public string? BuildPack { get; init; }
    public string? InstallCommand { get; init; }
    public string? BuildCommand { get; init; }
    public string? StartCommand { get; init; }
    public string? BaseDirectory { get; init; }
    public string? PublishDirectory { get; init; }
    public string? Dockerfile { get; init; }
    public string? DockerfileLocation { get; init; }
    public string? DockerfileTargetBuild { get; init; }
    public string? StaticImage { get; init; }
    public bool? IsStatic { get; init; }
    public bool? IsSpa { get; init; }
    public bool? IsGitSubmodulesEnabled { get; init; }
    public bool? DisableBuildCache { get; init; }
    public int? DockerImagesToKeep { get; init; }
    public string? DockerComposeLocation { get; init; }
    public IReadOnlyList<ComposeDomain>? DockerComposeDomains { get; init; }

    // Network
    public string? PortsExposes { get; init; }
    public string? PortsMappings { get; init; }

    // Health check
    public bool? HealthCheckEnabled { get; init; }
    public string? HealthCheckType { get; init; }
    public string? HealthCheckCommand { get; init; }
    public string? HealthCheckPath { get; init; }
    public string? HealthCheckPort { get; init; }
    public string? HealthCheckHost { get; init; }
    public string? HealthCheckMethod { get; init; }
    public string? HealthCheckScheme { get; init; }
    public int? HealthCheckReturnCode { get; init; }
    public string? HealthCheckResponseText { get; init; }
    public int? HealthCheckInterval { get; init; }
    public int? HealthCheckTimeout { get; init; }
    public int? HealthCheckRetries { get; init; }
    public int? HealthCheckStartPeriod { get; init; }

    // Limits
    public string? LimitsMemory { get; init; }
    public string? LimitsMemorySwap { get; init; }
    public int? LimitsMemorySwappiness { get; init; }
    public string? LimitsMemoryReservation { get; init; }
    public string? LimitsCpus { get; init; }
    public string? LimitsCpuset { get; init; }
    public int? LimitsCpuShares { get; init; }

    // Routing through the server's proxy
    public IReadOnlyList<string>? NoindexDomains { get; init; }
    public bool? IsForceHttpsEnabled { get; init; }
    public bool? IsGzipEnabled { get; init; }
    public bool? IsStripprefixEnabled { get; init; }
    public string? Redirect { get; init; }
    public bool? IsHttpBasicAuthEnabled { get; init; }
    public string? HttpBasicAuthUsername { get; init; }
    public string? HttpBasicAuthPassword { get; init; }

    // Runtime
    public string? CustomLabels { get; init; }
    public string? CustomDockerRunOptions { get; init; }
    public string? RestartPolicy { get; init; }
    public int? StopGracePeriod { get; init; }
    public string? PreDeploymentCommand { get; init; }
    public string? PreDeploymentCommandContainer { get; init; }
    public string? PostDeploymentCommand { get; init; }
    public string? PostDeploymentCommandContainer { get; init; }
}
