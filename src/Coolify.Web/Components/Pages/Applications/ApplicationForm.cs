using Coolify.Core.Applications;

namespace Coolify.Web.Components.Pages.Applications;

/// <summary>The settings form's model: an application's fields as the browser edits them, back to an <see cref="ApplicationChange"/>.</summary>
public sealed class ApplicationForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Domains { get; set; }
    public string? GitRepository { get; set; }
    public string? GitBranch { get; set; }
    public string? BuildPack { get; set; }
    public string? BaseDirectory { get; set; }
    public string? DockerfileLocation { get; set; }
    public string? DockerfileTargetBuild { get; set; }
    public string? Dockerfile { get; set; }
    public string? DockerRegistryImageName { get; set; }
    public string? DockerRegistryImageTag { get; set; }
    public string? InstallCommand { get; set; }
    public string? BuildCommand { get; set; }
    public string? StartCommand { get; set; }
    public string? PublishDirectory { get; set; }
    public bool IsStatic { get; set; }
    public bool IsSpa { get; set; }
    public string? PortsExposes { get; set; }
    public string? PortsMappings { get; set; }
    public bool HealthCheckEnabled { get; set; }
    public string? HealthCheckType { get; set; }
    public string? HealthCheckPath { get; set; }
    public string? HealthCheckPort { get; set; }
    public string? HealthCheckCommand { get; set; }
    public int HealthCheckInterval { get; set; }
    public int HealthCheckRetries { get; set; }
    public int HealthCheckStartPeriod { get; set; }
    public string? LimitsMemory { get; set; }
    public string? LimitsCpus { get; set; }
    public string? RestartPolicy { get; set; }
    public string? CustomLabels { get; set; }
    public string? PreDeploymentCommand { get; set; }
    public string? PostDeploymentCommand { get; set; }
    public string? NoindexDomains { get; set; }
    public bool IsForceHttpsEnabled { get; set; }
    public bool IsGzipEnabled { get; set; }
    public bool IsStripprefixEnabled { get; set; }
    public string? Redirect { get; set; }
    public bool IsHttpBasicAuthEnabled { get; set; }
    public string? HttpBasicAuthUsername { get; set; }

    /// <summary>Write-only: empty keeps the stored password.</summary>
    public string? HttpBasicAuthPassword { get; set; }

    public static ApplicationForm From(Application a) => new()
    {
        Name = a.Name, Description = a.Description, Domains = a.Fqdn, GitRepository = a.GitRepository, GitBranch = a.GitBranch, BuildPack = a.BuildPack,
        BaseDirectory = a.BaseDirectory, DockerfileLocation = a.DockerfileLocation, DockerfileTargetBuild = a.DockerfileTargetBuild, Dockerfile = a.Dockerfile,
        DockerRegistryImageName = a.DockerRegistryImageName, DockerRegistryImageTag = a.DockerRegistryImageTag, InstallCommand = a.InstallCommand,
        BuildCommand = a.BuildCommand, StartCommand = a.StartCommand, PublishDirectory = a.PublishDirectory, IsStatic = a.Settings?.IsStatic ?? false,
        IsSpa = a.Settings?.IsSpa ?? false, PortsExposes = a.PortsExposes, PortsMappings = a.PortsMappings, HealthCheckEnabled = a.HealthCheckEnabled,
        HealthCheckType = a.HealthCheckType, HealthCheckPath = a.HealthCheckPath, HealthCheckPort = a.HealthCheckPort, HealthCheckCommand = a.HealthCheckCommand,
        HealthCheckInterval = a.HealthCheckInterval, HealthCheckRetries = a.HealthCheckRetries, HealthCheckStartPeriod = a.HealthCheckStartPeriod,
        LimitsMemory = a.LimitsMemory, LimitsCpus = a.LimitsCpus, RestartPolicy = a.RestartPolicy, CustomLabels = a.CustomLabels,
        PreDeploymentCommand = a.PreDeploymentCommand, PostDeploymentCommand = a.PostDeploymentCommand,
        IsForceHttpsEnabled = a.Settings?.IsForceHttpsEnabled ?? true, IsGzipEnabled = a.Settings?.IsGzipEnabled ?? true,
        IsStripprefixEnabled = a.Settings?.IsStripprefixEnabled ?? true, Redirect = a.Redirect, IsHttpBasicAuthEnabled = a.IsHttpBasicAuthEnabled,
        HttpBasicAuthUsername = a.HttpBasicAuthUsername, NoindexDomains = a.NoindexDomains,
    };

    // Cleared optional fields go as "" (which the rules read as "none"); source fields the application does not have stay null.
    public ApplicationChange ToChange() => new()
    {
        Name = Name ?? string.Empty, Description = Description ?? string.Empty, Domains = Domains ?? string.Empty,
        GitRepository = GitRepository, GitBranch = GitBranch, BuildPack = BuildPack, BaseDirectory = BaseDirectory, DockerfileLocation = DockerfileLocation,
        DockerfileTargetBuild = DockerfileTargetBuild ?? string.Empty, Dockerfile = Dockerfile, DockerRegistryImageName = DockerRegistryImageName,
        DockerRegistryImageTag = DockerRegistryImageTag, InstallCommand = InstallCommand ?? string.Empty, BuildCommand = BuildCommand ?? string.Empty,
        StartCommand = StartCommand ?? string.Empty, PublishDirectory = PublishDirectory ?? string.Empty, IsStatic = IsStatic, IsSpa = IsSpa,
        PortsExposes = PortsExposes, PortsMappings = PortsMappings ?? string.Empty, HealthCheckEnabled = HealthCheckEnabled, HealthCheckType = HealthCheckType,
        HealthCheckPath = HealthCheckPath, HealthCheckPort = HealthCheckPort ?? string.Empty, HealthCheckCommand = HealthCheckCommand ?? string.Empty,
        HealthCheckInterval = HealthCheckInterval, HealthCheckRetries = HealthCheckRetries, HealthCheckStartPeriod = HealthCheckStartPeriod,
        LimitsMemory = LimitsMemory, LimitsCpus = LimitsCpus, RestartPolicy = RestartPolicy, CustomLabels = CustomLabels ?? string.Empty,
        PreDeploymentCommand = PreDeploymentCommand ?? string.Empty, PostDeploymentCommand = PostDeploymentCommand ?? string.Empty,
        IsForceHttpsEnabled = IsForceHttpsEnabled, IsGzipEnabled = IsGzipEnabled, IsStripprefixEnabled = IsStripprefixEnabled, Redirect = Redirect,
        IsHttpBasicAuthEnabled = IsHttpBasicAuthEnabled, HttpBasicAuthUsername = string.IsNullOrWhiteSpace(HttpBasicAuthUsername) ? null : HttpBasicAuthUsername,
        HttpBasicAuthPassword = string.IsNullOrEmpty(HttpBasicAuthPassword) ? null : HttpBasicAuthPassword,
        NoindexDomains = (NoindexDomains ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
    };
}
