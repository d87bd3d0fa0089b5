using Coolify.Core.Services;

namespace Coolify.Web.Api;

/// <summary>A service as Coolify's API shows it, with its applications and databases; the compose files only with <c>read:sensitive</c> (they may hold secrets).</summary>
public sealed record ServiceResponse(
    int Id, string Uuid, string Name, string? Description, int EnvironmentId, int ServerId, string? ServerUuid, string DestinationType, int DestinationId,
    string? DockerComposeRaw, string? DockerCompose, bool ConnectToDockerNetwork, bool IsContainerLabelEscapeEnabled, bool IsContainerLabelReadonlyEnabled,
    string? ServiceType, bool AllowRiskyOptions, string Status, DateTime CreatedAt, DateTime UpdatedAt, DateTime? DeletedAt,
    IReadOnlyList<ServiceApplicationResponse> Applications, IReadOnlyList<ServiceDatabaseResponse> Databases)
{
    public static ServiceResponse From(Service service, bool sensitive) => new(
        service.Id, service.Uuid, service.Name, service.Description, service.EnvironmentId, service.Destination?.ServerId ?? 0, service.Destination?.Server?.Uuid,
        "App\\Models\\StandaloneDocker", service.DestinationId, sensitive ? service.DockerComposeRaw : null, sensitive ? service.DockerCompose : null,
        service.ConnectToDockerNetwork, service.IsContainerLabelEscapeEnabled, service.IsContainerLabelReadonlyEnabled, service.ServiceType, service.AllowRiskyOptions,
        service.Status, service.CreatedAt, service.UpdatedAt, service.DeletedAt,
        [.. service.Applications.OrderBy(a => a.Name).Select(ServiceApplicationResponse.From)], [.. service.Databases.OrderBy(d => d.Name).Select(ServiceDatabaseResponse.From)]);
}

public sealed record ServiceApplicationResponse(
    int Id, string Uuid, string Name, string? HumanName, string? Description, string? Fqdn, string? Image, bool ExcludeFromStatus,
    bool IsGzipEnabled, bool IsStripprefixEnabled, string? NoindexDomains, string Status, string? ServingContainer)
{
    public static ServiceApplicationResponse From(ServiceApplication a) => new(
        a.Id, a.Uuid, a.Name, a.HumanName, a.Description, a.Fqdn, a.Image, a.ExcludeFromStatus, a.IsGzipEnabled, a.IsStripprefixEnabled, a.NoindexDomains, a.Status, a.ServingContainer);
}

public sealed record ServiceDatabaseResponse(
    int Id, string Uuid, string Name, string? HumanName, string? Description, string? Image, string? DatabaseType, bool ExcludeFromStatus, bool IsPublic, int? PublicPort, string Status)
{
    public static ServiceDatabaseResponse From(ServiceDatabase d) => new(
        d.Id, d.Uuid, d.Name, d.HumanName, d.Description, d.Image, d.DatabaseType is null ? null : $"standalone-{d.DatabaseType}", d.ExcludeFromStatus, d.IsPublic, d.PublicPort, d.Status);
}
