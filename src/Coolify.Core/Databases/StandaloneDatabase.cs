using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Servers;

namespace Coolify.Core.Databases;

/// <summary>
/// A database of one of eight engines, run as one container (named by its uuid) on a destination. Coolify keeps one
/// table per engine; the fields are the same few under engine-specific names (<c>postgres_user</c>,
/// <c>mysql_user</c>, ...), so here they are one table and <see cref="DatabaseEngine"/> names them per engine.
/// </summary>
public class StandaloneDatabase : Entity, ISoftDeletable
{
    /// <summary><see cref="DatabaseEngine.Name"/>: <c>postgresql</c>, <c>mysql</c>, <c>mariadb</c>, <c>mongodb</c>, <c>redis</c>, <c>keydb</c>, <c>dragonfly</c>, <c>clickhouse</c>.</summary>
    public required string Engine { get; set; }

    public int EnvironmentId { get; set; }

    public ProjectEnvironment? Environment { get; set; }

    public int DestinationId { get; set; }

    public Destination? Destination { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public required string Image { get; set; }

    /// <summary>Coolify's status words (<c>running:healthy</c>, <c>exited</c>, ...), from the server checks.</summary>
    public string Status { get; set; } = "exited";

    /// <summary>The user the applications connect as (<c>postgres_user</c>, <c>mysql_user</c>, <c>mongo_initdb_root_username</c>, ...).</summary>
    public string? User { get; set; }

    /// <summary>That user's password (<c>postgres_password</c>, <c>redis_password</c>, ...); encrypted at rest.</summary>
    [Encrypted]
    public string? Password { get; set; }

    /// <summary>MySQL's and MariaDB's root password; encrypted at rest.</summary>
    [Encrypted]
    public string? RootPassword { get; set; }

    /// <summary>The database made at first start (<c>postgres_db</c>, <c>mysql_database</c>, ...).</summary>
    public string? DatabaseName { get; set; }

    /// <summary>The engine's own configuration file (<c>postgres_conf</c>, <c>redis_conf</c>, ...), as text.</summary>
    public string? Configuration { get; set; }

    public string? PostgresInitdbArgs { get; set; }

    public string? PostgresHostAuthMethod { get; set; }

    /// <summary>PostgreSQL's init scripts, JSON <c>[{"filename": ..., "content": ...}]</c>, run once on an empty data volume.</summary>
    public string? InitScripts { get; set; }

    public bool IsPublic { get; set; }

    public int? PublicPort { get; set; }

    public int? PublicPortTimeout { get; set; } = 3600;

    public string LimitsMemory { get; set; } = "0";

    public string LimitsMemorySwap { get; set; } = "0";

    public int LimitsMemorySwappiness { get; set; } = 60;

    public string LimitsMemoryReservation { get; set; } = "0";

    public string LimitsCpus { get; set; } = "0";

    public string? LimitsCpuset { get; set; }

    public int LimitsCpuShares { get; set; } = 1024;

    public bool HealthCheckEnabled { get; set; } = true;

    public int HealthCheckInterval { get; set; } = 15;

    public int HealthCheckTimeout { get; set; } = 5;

    public int HealthCheckRetries { get; set; } = 5;

    public int HealthCheckStartPeriod { get; set; } = 5;

    public DateTime? StartedAt { get; set; }

    public DateTime? DeletedAt { get; set; }
}
