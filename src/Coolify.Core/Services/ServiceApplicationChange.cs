namespace Coolify.Core.Services;

/// <summary>A change to one compose service application (Coolify's fields); null leaves a field as it is.</summary>
public sealed record ServiceApplicationChange(
    string? Url = null, IReadOnlyList<string>? NoindexDomains = null, string? HumanName = null, string? Description = null,
    bool? ExcludeFromStatus = null, bool? IsGzipEnabled = null, bool? IsStripprefixEnabled = null, bool ForceDomainOverride = false);
