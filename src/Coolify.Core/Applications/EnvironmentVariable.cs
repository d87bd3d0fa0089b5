using Coolify.Core.Common;

namespace Coolify.Core.Applications;

/// <summary>An environment variable of a resource, with Coolify's flags.</summary>
public class EnvironmentVariable : Entity
{
    /// <summary>The owning resource's kind (see <see cref="ResourceKind"/>).</summary>
    public required string ResourceableType { get; set; }

    public int ResourceableId { get; set; }

    public required string Key { get; set; }

    /// <summary>The value; encrypted at rest.</summary>
    [Encrypted]
    public string? Value { get; set; }

    /// <summary>Available while building (build args / BuildKit secrets).</summary>
    public bool IsBuildtime { get; set; } = true;

    /// <summary>Available to the running container (env file).</summary>
    public bool IsRuntime { get; set; } = true;

    /// <summary>Belongs to the preview-deployment set rather than the main one.</summary>
    public bool IsPreview { get; set; }

    /// <summary>No <c>${VAR}</c> interpolation of the value.</summary>
    public bool IsLiteral { get; set; }

    public bool IsMultiline { get; set; }

    /// <summary>Redacted everywhere after creation.</summary>
    public bool IsShownOnce { get; set; }

    public bool IsShared { get; set; }

    public string? Comment { get; set; }

    public int Order { get; set; }
}
