namespace Coolify.Core.Servers;

/// <summary>Fields of a server to create or change; null keeps the current value (or takes the default).</summary>
public sealed record ServerChange(
    string? Name = null,
    string? Description = null,
    string? Ip = null,
    int? Port = null,
    string? User = null,
    string? PrivateKeyUuid = null,
    string? ProxyType = null,
    bool? IsBuildServer = null,
    int? ConcurrentBuilds = null,
    int? DeploymentQueueLimit = null,
    int? DynamicTimeout = null,
    int? ConnectionTimeout = null,
    string? WildcardDomain = null,
    string? ServerTimezone = null);
