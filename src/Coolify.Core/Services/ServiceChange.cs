namespace Coolify.Core.Services;

/// <summary>A new or changed service as the API and dashboard give it (Coolify's fields); null leaves a field as it is.</summary>
public sealed record ServiceChange(
    string? Name = null, string? Description = null, string? DockerComposeRaw = null, bool? ConnectToDockerNetwork = null,
    bool? IsContainerLabelEscapeEnabled = null, bool? AllowRiskyOptions = null, IReadOnlyList<ServiceUrl>? Urls = null, bool ForceDomainOverride = false);

/// <summary>Domains for one compose service (Coolify's <c>urls</c> items): comma-separated URLs.</summary>
public sealed record ServiceUrl(string? Name, string? Url);
