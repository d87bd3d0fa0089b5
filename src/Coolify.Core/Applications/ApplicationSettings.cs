using Coolify.Core.Common;

namespace Coolify.Core.Applications;

/// <summary>Per-application switches (Coolify's <c>application_settings</c>, one row per application).</summary>
public class ApplicationSettings : ITimestamped
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    public bool IsStatic { get; set; }

    public bool IsSpa { get; set; }

    public bool IsGitSubmodulesEnabled { get; set; } = true;

    public bool IsGitLfsEnabled { get; set; } = true;

    public bool IsGitShallowCloneEnabled { get; set; } = true;

    public bool IsAutoDeployEnabled { get; set; } = true;

    public bool IsForceHttpsEnabled { get; set; } = true;

    public bool IsDebugEnabled { get; set; }

    public bool IsPreviewDeploymentsEnabled { get; set; }

    public bool IsPrDeploymentsPublicEnabled { get; set; }

    public bool IsLogDrainEnabled { get; set; }

    public bool IsGpuEnabled { get; set; }

    public string? GpuDriver { get; set; }

    public string? GpuCount { get; set; }

    public string? GpuDeviceIds { get; set; }

    public string? GpuOptions { get; set; }

    public bool IsIncludeTimestamps { get; set; }

    public bool IsSwarmOnlyWorkerNodes { get; set; } = true;

    public bool IsRawComposeDeploymentEnabled { get; set; }

    public bool IsBuildServerEnabled { get; set; }

    public bool IsConsistentContainerNameEnabled { get; set; }

    public bool IsGzipEnabled { get; set; } = true;

    public bool IsStripprefixEnabled { get; set; } = true;

    public bool ConnectToDockerNetwork { get; set; }

    public string? CustomInternalName { get; set; }

    public bool IsContainerLabelEscapeEnabled { get; set; } = true;

    public bool IsContainerLabelReadonlyEnabled { get; set; } = true;

    public bool IsEnvSortingEnabled { get; set; }

    public bool IsPreserveRepositoryEnabled { get; set; }

    public bool DisableBuildCache { get; set; }

    public bool UseBuildSecrets { get; set; }

    public bool InjectBuildArgsToDockerfile { get; set; } = true;

    public bool IncludeSourceCommitInBuild { get; set; }

    public int DockerImagesToKeep { get; set; } = 2;

    public int? StopGracePeriod { get; set; }

    /// <summary>Seconds a replaced or stopped container gets to finish its requests after SIGTERM (Coolify hard-codes 30).</summary>
    public const int DefaultStopGracePeriod = 30;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
