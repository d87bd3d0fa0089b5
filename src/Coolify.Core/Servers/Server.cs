using Coolify.Core.Common;
using Coolify.Core.Security;
using Coolify.Core.Teams;

namespace Coolify.Core.Servers;

/// <summary>A machine the control plane drives (over SSH, or local processes for the host itself).</summary>
public class Server : Entity, ISoftDeletable
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>IP address or host name.</summary>
    public required string Ip { get; set; }

    public string User { get; set; } = "root";

    public int Port { get; set; } = 22;

    public int? PrivateKeyId { get; set; }

    public PrivateKey? PrivateKey { get; set; }

    /// <summary>The host running the control plane, driven by local processes unless configured for SSH.</summary>
    public bool IsLocalhost { get; set; }

    /// <summary><c>caddy</c>, <c>traefik</c> or <c>none</c>.</summary>
    public string ProxyType { get; set; } = "caddy";

    /// <summary>Proxy state as JSON (status, last applied configuration hash...), as Coolify's <c>proxy</c> column.</summary>
    public string? Proxy { get; set; }

    /// <summary>SSH host key pinned on first use (OpenSSH known_hosts format).</summary>
    public string? HostKey { get; set; }

    public string? ValidationLogs { get; set; }

    public int UnreachableCount { get; set; }

    public bool UnreachableNotificationSent { get; set; }

    public bool HighDiskUsageNotificationSent { get; set; }

    public bool LogDrainNotificationSent { get; set; }

    public int? SwarmCluster { get; set; }

    public ServerSettings? Settings { get; set; }

    public List<Destination> Destinations { get; set; } = [];

    public DateTime? DeletedAt { get; set; }
}
