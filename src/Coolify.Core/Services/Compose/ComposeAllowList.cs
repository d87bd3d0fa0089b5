namespace Coolify.Core.Services.Compose;

/// <summary>
/// What a compose file may hold without a team admin's permission, as allow-lists: a key not listed here (a Compose
/// option we do not know to be harmless: <c>gpus</c>, <c>runtime</c>, <c>cgroup_parent</c>, <c>provider</c>,
/// <c>label_file</c>, a volume's <c>driver_opts</c>, ...) is a risk, so a new Compose feature is never let through
/// unread. Values of the listed keys are checked by <see cref="ComposeChecks"/>.
/// </summary>
internal static class ComposeAllowList
{
    public static readonly IReadOnlySet<string> ServiceKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "image", "build", "command", "entrypoint", "environment", "env_file", "ports", "expose", "volumes", "volumes_from", "depends_on",
        "healthcheck", "labels", "networks", "network_mode", "restart", "deploy", "user", "working_dir", "cap_add", "cap_drop", "hostname",
        "domainname", "container_name", "stop_signal", "stop_grace_period", "tty", "stdin_open", "read_only", "shm_size", "ulimits", "sysctls",
        "mem_limit", "memswap_limit", "mem_reservation", "mem_swappiness", "cpus", "cpu_shares", "cpuset", "cpu_quota", "cpu_period", "cpu_count",
        "cpu_percent", "pids_limit", "init", "platform", "pull_policy", "profiles", "tmpfs", "extra_hosts", "dns", "dns_search", "dns_opt",
        "mac_address", "annotations", "scale", "attach", "exclude_from_hc", "links", "pid", "ipc", "privileged", "devices", "security_opt",
        "logging", "secrets", "configs", "group_add", "oom_score_adj", "stop_timeout", "develop", "post_start", "pre_stop",
    };

    /// <summary>Keys of a <c>build</c> section that read nothing outside its context (additional contexts, host network, entitlements do).</summary>
    public static readonly IReadOnlySet<string> BuildKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "context", "dockerfile", "dockerfile_inline", "args", "target", "labels", "cache_from", "cache_to", "no_cache", "pull", "shm_size",
        "tags", "platforms", "extra_hosts", "isolation",
    };

    public static readonly IReadOnlySet<string> VolumeKeys = new HashSet<string>(StringComparer.Ordinal) { "name", "labels" };

    public static readonly IReadOnlySet<string> NetworkKeys = new HashSet<string>(StringComparer.Ordinal) { "labels", "internal", "attachable", "enable_ipv6" };

    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal) { "file", "content", "labels" };

    public static readonly IReadOnlySet<string> DeployKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "resources", "restart_policy", "replicas", "labels", "mode", "update_config", "rollback_config",
    };

    /// <summary>Label prefixes that instruct the proxy (Traefik's Docker provider, caddy-docker-proxy): a label could claim another resource's domain.</summary>
    public static readonly string[] ProxyLabelPrefixes = ["traefik.", "caddy"];
}
