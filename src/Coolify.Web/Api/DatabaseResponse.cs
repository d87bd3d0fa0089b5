using System.Text.Json.Serialization;
using Coolify.Core.Databases;

namespace Coolify.Web.Api;

/// <summary>
/// A database as Coolify's API shows it: the common fields, then its engine's own under their names. Passwords
/// and the URLs (which carry them) only for tokens that may read secrets.
/// </summary>
public sealed record DatabaseResponse
{
    public required string Uuid { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string DatabaseType { get; init; }

    public required string Image { get; init; }

    public required string Status { get; init; }

    public bool IsPublic { get; init; }

    public int? PublicPort { get; init; }

    public int? PublicPortTimeout { get; init; }

    public required string LimitsMemory { get; init; }

    public required string LimitsMemorySwap { get; init; }

    public int LimitsMemorySwappiness { get; init; }

    public required string LimitsMemoryReservation { get; init; }

    public required string LimitsCpus { get; init; }

    public string? LimitsCpuset { get; init; }

    public int LimitsCpuShares { get; init; }

    public bool HealthCheckEnabled { get; init; }

    public int HealthCheckInterval { get; init; }

    public int HealthCheckTimeout { get; init; }

    public int HealthCheckRetries { get; init; }

    public int HealthCheckStartPeriod { get; init; }

    public string? ProjectUuid { get; init; }

    public string? EnvironmentName { get; init; }

    public string? DestinationUuid { get; init; }

    public string? ServerUuid { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    [Sensitive]
    public required string InternalDbUrl { get; init; }

    [Sensitive]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExternalDbUrl { get; init; }

    /// <summary>The engine's own fields by Coolify's names (<c>postgres_user</c>, ...); passwords only with <c>read:sensitive</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> EngineFields { get; init; } = [];

    public static DatabaseResponse From(StandaloneDatabase database, string publicHost, bool canReadSecrets)
    {
        var engine = DatabaseEngine.Of(database);
        var fields = new Dictionary<string, object?>();
        foreach (var (name, field) in engine.Fields)
        {
            var secret = field is DatabaseField.Password or DatabaseField.RootPassword;
            if (!secret || canReadSecrets)
            {
                fields[name] = field switch
                {
                    DatabaseField.User => database.User,
                    DatabaseField.Password => database.Password,
                    DatabaseField.RootPassword => database.RootPassword,
                    DatabaseField.DatabaseName => database.DatabaseName,
                    DatabaseField.Configuration => database.Configuration,
                    DatabaseField.PostgresInitdbArgs => database.PostgresInitdbArgs,
                    _ => database.PostgresHostAuthMethod,
                };
            }
        }

        if (engine is PostgresEngine)
        {
            fields["init_scripts"] = DatabaseInitScripts.Read(database.InitScripts);
        }

        return new DatabaseResponse
        {
            Uuid = database.Uuid, Name = database.Name, Description = database.Description, DatabaseType = engine.Type, Image = database.Image,
            Status = database.Status, IsPublic = database.IsPublic, PublicPort = database.PublicPort, PublicPortTimeout = database.PublicPortTimeout,
            LimitsMemory = database.LimitsMemory, LimitsMemorySwap = database.LimitsMemorySwap, LimitsMemorySwappiness = database.LimitsMemorySwappiness,
            LimitsMemoryReservation = database.LimitsMemoryReservation, LimitsCpus = database.LimitsCpus, LimitsCpuset = database.LimitsCpuset,
            LimitsCpuShares = database.LimitsCpuShares, HealthCheckEnabled = database.HealthCheckEnabled, HealthCheckInterval = database.HealthCheckInterval,
            HealthCheckTimeout = database.HealthCheckTimeout, HealthCheckRetries = database.HealthCheckRetries, HealthCheckStartPeriod = database.HealthCheckStartPeriod,
            ProjectUuid = database.Environment?.Project?.Uuid, EnvironmentName = database.Environment?.Name,
            DestinationUuid = database.Destination?.Uuid, ServerUuid = database.Destination?.Server?.Uuid,
            StartedAt = database.StartedAt, CreatedAt = database.CreatedAt, UpdatedAt = database.UpdatedAt,
            InternalDbUrl = engine.Url(database, database.Uuid, engine.InternalPort),
            ExternalDbUrl = database is { IsPublic: true, PublicPort: { } port } ? engine.Url(database, publicHost, port) : null,
            EngineFields = fields,
        };
    }
}
