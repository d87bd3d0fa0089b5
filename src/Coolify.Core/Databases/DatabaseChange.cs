namespace Coolify.Core.Databases;

/// <summary>
/// The fields of a database create or update (Coolify's API names in comments); null leaves a field as it is.
/// <see cref="EngineFields"/> holds the engine-specific ones, already mapped from their API names.
/// </summary>
public sealed record DatabaseChange
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Image { get; init; }

    public bool? IsPublic { get; init; }

    public int? PublicPort { get; init; }

    public int? PublicPortTimeout { get; init; }

    public string? LimitsMemory { get; init; }

    public string? LimitsMemorySwap { get; init; }

    public int? LimitsMemorySwappiness { get; init; }

    public string? LimitsMemoryReservation { get; init; }

    public string? LimitsCpus { get; init; }

    public string? LimitsCpuset { get; init; }

    public int? LimitsCpuShares { get; init; }

    public bool? HealthCheckEnabled { get; init; }

    public int? HealthCheckInterval { get; init; }

    public int? HealthCheckTimeout { get; init; }

    public int? HealthCheckRetries { get; init; }

    public int? HealthCheckStartPeriod { get; init; }

    /// <summary><c>postgres_user</c>, <c>redis_password</c>, ... by the field they are.</summary>
    public IReadOnlyDictionary<DatabaseField, string?> EngineFields { get; init; } = new Dictionary<DatabaseField, string?>();

    /// <summary>PostgreSQL's init scripts (whole list replaced when given).</summary>
    public IReadOnlyList<DatabaseInitScripts.Script>? InitScripts { get; init; }
}
