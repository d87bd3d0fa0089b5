using Coolify.Core.Common;

namespace Coolify.Core.Servers;

/// <summary>Per-server settings (Coolify's <c>server_settings</c>, one row per server).</summary>
public class ServerSettings : ITimestamped
{
    public int Id { get; set; }

    public int ServerId { get; set; }

    public Server? Server { get; set; }

    public int ConcurrentBuilds { get; set; } = 2;

    public int DeploymentQueueLimit { get; set; } = 25;

    /// <summary>Seconds a single deployment may run before it is failed.</summary>
    public int DynamicTimeout { get; set; } = 3600;

    /// <summary>SSH connect timeout in seconds.</summary>
    public int ConnectionTimeout { get; set; } = 10;

    public string? WildcardDomain { get; set; }

    public string ServerTimezone { get; set; } = "UTC";

    public bool IsReachable { get; set; }

    public bool IsUsable { get; set; }

    public bool ForceDisabled { get; set; }

    public bool IsBuildServer { get; set; }

    public bool IsSwarmManager { get; set; }

    public bool IsSwarmWorker { get; set; }

    public bool IsTerminalEnabled { get; set; } = true;

    public bool IsMetricsEnabled { get; set; }

    public bool ForceServerCleanup { get; set; }

    public string DockerCleanupFrequency { get; set; } = "0 0 * * *";

    public int DockerCleanupThreshold { get; set; } = 80;

    public bool DeleteUnusedVolumes { get; set; }

    public bool DeleteUnusedNetworks { get; set; }

    [Encrypted]
    public string? SentinelToken { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
