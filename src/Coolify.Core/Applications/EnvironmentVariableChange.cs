namespace Coolify.Core.Applications;

/// <summary>An environment variable as the API sends it (Coolify's fields); null flags keep their current or default value.</summary>
public sealed record EnvironmentVariableChange(
    string? Key,
    string? Value,
    bool? IsPreview = null,
    bool? IsLiteral = null,
    bool? IsMultiline = null,
    bool? IsShownOnce = null,
    bool? IsBuildtime = null,
    bool? IsRuntime = null,
    string? Comment = null);
