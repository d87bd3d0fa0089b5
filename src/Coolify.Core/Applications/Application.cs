using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Security;
using Coolify.Core.Servers;

namespace Coolify.Core.Applications;

/// <summary>A deployable application. Property names map one to one to Coolify's API fields (snake_case).</summary>
public class Application : Entity, ISoftDeletable
{
    public int EnvironmentId { get; set; }

    public ProjectEnvironment? Environment { get; set; }

    public int DestinationId { get; set; }

    public Destination? Destination { get; set; }

    public int? SourceId { get; set; }

    public int? PrivateKeyId { get; set; }

    public PrivateKey? PrivateKey { get; set; }

    public int? RepositoryProjectId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Comma-separated URLs the proxy routes to this application.</summary>
    public string? Fqdn { get; set; }

    public string Status { get; set; } = "exited";

    public string? ConfigHash { get; set; }

    // Source
    public string? GitRepository { get; set; }

    public string GitBranch { get; set; } = "main";

    public string GitCommitSha { get; set; } = "HEAD";

    public string? GitFullUrl { get; set; }

    public string? DockerRegistryImageName { get; set; }

    public string? DockerRegistryImageTag { get; set; }

    // Build
    /// <summary><c>auto</c> (our Nixpacks replacement), <c>static</c>, <c>dockerfile</c>, <c>dockerimage</c>, <c>dockercompose</c>.</summary>
    public string BuildPack { get; set; } = "auto";

    public string? StaticImage { get; set; }

    public string? InstallCommand { get; set; }

    public string? BuildCommand { get; set; }

    public string? StartCommand { get; set; }

    public string BaseDirectory { get; set; } = "/";

    public string? PublishDirectory { get; set; }

    public string? Dockerfile { get; set; }

    public string DockerfileLocation { get; set; } = "/Dockerfile";

    public string? DockerfileTargetBuild { get; set; }

    public string DockerComposeLocation { get; set; } = "/docker-compose.yaml";

    /// <summary>What Compose was last given for a dockercompose application (values filled in): encrypted at rest, as it holds the secrets.</summary>
    [Encrypted]
    public string? DockerCompose { get; set; }

    public string? DockerComposeRaw { get; set; }

    public string? DockerComposeDomains { get; set; }

    public string? DockerComposeCustomStartCommand { get; set; }

    public string? DockerComposeCustomBuildCommand { get; set; }

    public string? WatchPaths { get; set; }

    // Network
    public string PortsExposes { get; set; } = "80";

    public string? PortsMappings { get; set; }

    public string? CustomNetworkAliases { get; set; }

    /// <summary><c>both</c>, <c>www</c> or <c>non-www</c>.</summary>
    public string Redirect { get; set; } = "both";

    public string? PreviewUrlTemplate { get; set; } = "{{pr_id}}.{{domain}}";

    public bool IsHttpBasicAuthEnabled { get; set; }

    public string? HttpBasicAuthUsername { get; set; }

    [Encrypted]
    public string? HttpBasicAuthPassword { get; set; }

    /// <summary>bcrypt of <see cref="HttpBasicAuthPassword"/>, for the proxy's configuration.</summary>
    public string? HttpBasicAuthPasswordHash { get; set; }

    /// <summary>Domains (a subset of <see cref="Fqdn"/>, comma-separated) served with <c>X-Robots-Tag: noindex, nofollow</c>.</summary>
    public string? NoindexDomains { get; set; }

    /// <summary>The container the proxy sends this application's domains to: set once a rollout's new container is healthy.</summary>
    public string? ServingContainer { get; set; }

    /// <summary>A dockercompose application's serving container per compose service (JSON), once deployed: the routes' targets.</summary>
    public string? ComposeContainers { get; set; }

    // Health check
    public bool HealthCheckEnabled { get; set; }

    public string HealthCheckPath { get; set; } = "/";

    public string? HealthCheckPort { get; set; }

    public string HealthCheckHost { get; set; } = "localhost";

    public string HealthCheckMethod { get; set; } = "GET";

    public int HealthCheckReturnCode { get; set; } = 200;

    public string HealthCheckScheme { get; set; } = "http";

    public string? HealthCheckResponseText { get; set; }

    public int HealthCheckInterval { get; set; } = 5;

    public int HealthCheckTimeout { get; set; } = 5;

    public int HealthCheckRetries { get; set; } = 10;

    public int HealthCheckStartPeriod { get; set; } = 5;

    /// <summary><c>http</c> or <c>cmd</c>.</summary>
    public string HealthCheckType { get; set; } = "http";

    public string? HealthCheckCommand { get; set; }

    public bool CustomHealthcheckFound { get; set; }

    // Limits
    public string LimitsMemory { get; set; } = "0";

    public string LimitsMemorySwap { get; set; } = "0";

    public int LimitsMemorySwappiness { get; set; } = 60;

    public string LimitsMemoryReservation { get; set; } = "0";

    public string LimitsCpus { get; set; } = "0";

    public string? LimitsCpuset { get; set; }

    public int LimitsCpuShares { get; set; } = 1024;

    // Runtime
    public string? CustomLabels { get; set; }

    public string? CustomDockerRunOptions { get; set; }

    public string RestartPolicy { get; set; } = "unless-stopped";

    public int MaxRestartCount { get; set; } = 10;

    public int? SwarmReplicas { get; set; } = 1;

    public string? SwarmPlacementConstraints { get; set; }

    public string? PreDeploymentCommand { get; set; }

    public string? PreDeploymentCommandContainer { get; set; }

    public string? PostDeploymentCommand { get; set; }

    public string? PostDeploymentCommandContainer { get; set; }

    public string? CustomNginxConfiguration { get; set; }

    public string? ComposeParsingVersion { get; set; } = "3";

    // Webhook secrets
    [Encrypted]
    public string? ManualWebhookSecretGithub { get; set; }

    [Encrypted]
    public string? ManualWebhookSecretGitlab { get; set; }

    [Encrypted]
    public string? ManualWebhookSecretBitbucket { get; set; }

    [Encrypted]
    public string? ManualWebhookSecretGitea { get; set; }

    public ApplicationSettings? Settings { get; set; }

    public DateTime? DeletedAt { get; set; }
}
