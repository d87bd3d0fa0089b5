using System.Security.Claims;
using Coolify.Core.Applications;
using Coolify.Core.Deployments;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's application routes (so far: Docker-image applications, list, get, delete, start).</summary>
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/applications", ListAsync).WithName("list-applications");
        read.MapGet("/applications/{uuid}", GetAsync).WithName("get-application-by-uuid");
        read.MapGet("/applications/{uuid}/rollback-images", RollbackImagesAsync).WithName("list-application-rollback-images");

        var write = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/applications/dockerimage", CreateDockerImageAsync).WithName("create-dockerimage-application");
        write.MapPost("/applications/public", CreatePublicAsync).WithName("create-public-application");
        write.MapPatch("/applications/{uuid}", UpdateAsync).WithName("update-application-by-uuid");
        write.MapDelete("/applications/{uuid}", DeleteAsync).WithName("delete-application-by-uuid");
        write.MapPost("/applications/{uuid}/start", StartAsync).WithName("start-application-by-uuid");
        write.MapPost("/applications/{uuid}/rollback", RollbackAsync).WithName("rollback-application-by-uuid");
        return app;
    }

    public sealed record DockerImageRequest(
        string? ProjectUuid, string? ServerUuid, string? EnvironmentName, string? EnvironmentUuid, string? DockerRegistryImageName,
        string? DockerRegistryImageTag, string? PortsExposes, string? DestinationUuid, string? Name, string? Description, bool? InstantDeploy);

    public sealed record PublicRequest(
        string? ProjectUuid, string? ServerUuid, string? EnvironmentName, string? EnvironmentUuid, string? GitRepository, string? GitBranch,
        string? BuildPack, string? PortsExposes, string? DestinationUuid, string? Name, string? Description, string? BaseDirectory,
        string? DockerfileLocation, bool? InstantDeploy);

    public sealed record ApplicationResponse(
        int Id, string Uuid, string Name, string? Description, string BuildPack, string Status, string? Fqdn, string? DockerRegistryImageName,
        string? DockerRegistryImageTag, string PortsExposes, string? GitRepository, string GitBranch, string? EnvironmentUuid, string? EnvironmentName,
        string? ProjectUuid, string? DestinationUuid, string? ServerUuid, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record ApplicationPatch(
        string? Name, string? Description, string? DockerRegistryImageName, string? DockerRegistryImageTag, string? PortsExposes,
        int? HealthCheckStartPeriod, int? HealthCheckInterval, int? HealthCheckRetries);

    public sealed record CreatedApplication(string Uuid, string? DeploymentUuid);

    public sealed record DeploymentQueued(string Message, string DeploymentUuid);

    public sealed record RollbackImage(string Tag, DateTimeOffset CreatedAt, bool IsCurrent);

    public sealed record RollbackImages(string? Current, List<RollbackImage> Images);

    public sealed record RollbackRequest(string? Commit);

    public static async Task<Ok<List<ApplicationResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok((await applications.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Ok<ApplicationResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await applications.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<CreatedApplication>> CreateDockerImageAsync(
        DockerImageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var application = await applications.CreateDockerImageAsync(scope, new NewDockerImageApplication(
            body.ProjectUuid, body.ServerUuid, body.EnvironmentName, body.EnvironmentUuid, body.DockerRegistryImageName, body.DockerRegistryImageTag,
            body.PortsExposes, body.DestinationUuid, body.Name, body.Description), ct);
        var deployment = body.InstantDeploy == true ? await queue.EnqueueAsync(scope, application.Uuid, force: false, ct) : null;
        return TypedResults.Created($"/api/v1/applications/{application.Uuid}", new CreatedApplication(application.Uuid, deployment?.Uuid));
    }

    public static async Task<Created<CreatedApplication>> CreatePublicAsync(
        PublicRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var application = await applications.CreateGitAsync(scope, new NewGitApplication(
            body.ProjectUuid, body.ServerUuid, body.EnvironmentName, body.EnvironmentUuid, body.GitRepository, body.GitBranch, body.BuildPack,
            body.PortsExposes, body.DestinationUuid, body.Name, body.Description, body.BaseDirectory, body.DockerfileLocation), ct);
        var deployment = body.InstantDeploy == true ? await queue.EnqueueAsync(scope, application.Uuid, force: false, ct) : null;
        return TypedResults.Created($"/api/v1/applications/{application.Uuid}", new CreatedApplication(application.Uuid, deployment?.Uuid));
    }

    public static async Task<Ok<UuidResponse>> UpdateAsync(
        string uuid, ApplicationPatch body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct)
    {
        var application = await applications.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, new ApplicationChange(
            body.Name, body.Description, body.DockerRegistryImageName, body.DockerRegistryImageTag, body.PortsExposes,
            body.HealthCheckStartPeriod, body.HealthCheckInterval, body.HealthCheckRetries), ct);
        return TypedResults.Ok(new UuidResponse(application.Uuid));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "delete_volumes")] bool? deleteVolumes, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct)
    {
        await applications.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, deleteVolumes == true, ct);
        return TypedResults.Ok(new ApiMessage("Application deletion request queued."));
    }

    public static async Task<Ok<DeploymentQueued>> StartAsync(string uuid, bool? force, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct)
    {
        var deployment = await queue.EnqueueAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, force == true, ct);
        return TypedResults.Ok(new DeploymentQueued("Deployment request queued.", deployment.Uuid));
    }

    public static async Task<Ok<RollbackImages>> RollbackImagesAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct)
    {
        var (current, images) = await applications.RollbackImagesAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new RollbackImages(current, images.Select(i => new RollbackImage(i.Tag, i.CreatedAt, i.Tag == current)).ToList()));
    }

    public static async Task<Ok<DeploymentQueued>> RollbackAsync(string uuid, RollbackRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct)
    {
        var deployment = await queue.EnqueueRollbackAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Commit, ct);
        return TypedResults.Ok(new DeploymentQueued("Rollback deployment queued.", deployment.Uuid));
    }

    private static ApplicationResponse ToResponse(Application a) => new(
        a.Id, a.Uuid, a.Name, a.Description, a.BuildPack, a.Status, a.Fqdn, a.DockerRegistryImageName, a.DockerRegistryImageTag, a.PortsExposes,
        a.GitRepository, a.GitBranch, a.Environment?.Uuid, a.Environment?.Name, a.Environment?.Project?.Uuid, a.Destination?.Uuid,
        a.Destination?.Server?.Uuid, a.CreatedAt, a.UpdatedAt);
}
