using System.Security.Claims;
using Coolify.Core.Applications;
using Coolify.Core.Deployments;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's application routes: create (four sources), list, get, update, delete, start/stop/restart, logs, rollback.</summary>
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/applications", ListAsync).WithName("list-applications");
        read.MapGet("/applications/{uuid}", GetAsync).WithName("get-application-by-uuid");
        read.MapGet("/applications/{uuid}/rollback-images", RollbackImagesAsync).WithName("list-application-rollback-images");
        read.MapGet("/applications/{uuid}/logs", LogsAsync).WithName("get-application-logs-by-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/applications/public", (CreateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct) =>
            CreateAsync(ApplicationSource.PublicGit, body, user, scopes, applications, queue, ct)).WithName("create-public-application");
        write.MapPost("/applications/private-deploy-key", (CreateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct) =>
            CreateAsync(ApplicationSource.DeployKey, body, user, scopes, applications, queue, ct)).WithName("create-private-deploy-key-application");
        write.MapPost("/applications/dockerfile", (CreateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct) =>
            CreateAsync(ApplicationSource.Dockerfile, body, user, scopes, applications, queue, ct)).WithName("create-dockerfile-application");
        write.MapPost("/applications/dockerimage", (CreateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct) =>
            CreateAsync(ApplicationSource.DockerImage, body, user, scopes, applications, queue, ct)).WithName("create-dockerimage-application");
        write.MapPatch("/applications/{uuid}", UpdateAsync).WithName("update-application-by-uuid");
        write.MapDelete("/applications/{uuid}", DeleteAsync).WithName("delete-application-by-uuid");
        write.MapPost("/applications/{uuid}/start", StartAsync).WithName("start-application-by-uuid");
        write.MapPost("/applications/{uuid}/stop", StopAsync).WithName("stop-application-by-uuid");
        write.MapPost("/applications/{uuid}/restart", RestartAsync).WithName("restart-application-by-uuid");
        write.MapPost("/applications/{uuid}/rollback", RollbackAsync).WithName("rollback-application-by-uuid");
        return app;
    }

    /// <summary>Every create route's body: where the application goes, and its fields (which ones are required depends on the route).</summary>
    public sealed record CreateRequest : ApplicationChange
    {
        public string? ProjectUuid { get; init; }
        public string? ServerUuid { get; init; }
        public string? EnvironmentName { get; init; }
        public string? EnvironmentUuid { get; init; }
        public string? DestinationUuid { get; init; }
        public string? PrivateKeyUuid { get; init; }
        public bool? InstantDeploy { get; init; }
    }

    public sealed record ApplicationPatch : ApplicationChange
    {
        public bool? InstantDeploy { get; init; }
    }

    public sealed record ApplicationResponse(
        int Id, string Uuid, string Name, string? Description, string BuildPack, string Status, string? Fqdn, string? DockerRegistryImageName,
        string? DockerRegistryImageTag, string PortsExposes, string? PortsMappings, string? GitRepository, string GitBranch, string GitCommitSha,
        string? PrivateKeyUuid, string? InstallCommand, string? BuildCommand, string? StartCommand, string BaseDirectory, string? PublishDirectory,
        [property: Sensitive] string? Dockerfile, string DockerfileLocation, string? DockerfileTargetBuild, string? StaticImage, bool IsStatic, bool IsSpa,
        bool HealthCheckEnabled, string HealthCheckType, string? HealthCheckCommand, string HealthCheckPath, string? HealthCheckPort, string HealthCheckHost,
        string HealthCheckMethod, string HealthCheckScheme, int HealthCheckReturnCode, string? HealthCheckResponseText, int HealthCheckInterval,
        int HealthCheckTimeout, int HealthCheckRetries, int HealthCheckStartPeriod, string LimitsMemory, string LimitsMemorySwap, int LimitsMemorySwappiness,
        string LimitsMemoryReservation, string LimitsCpus, string? LimitsCpuset, int LimitsCpuShares, [property: Sensitive] string? CustomLabels, string RestartPolicy,
        int? StopGracePeriod, string? PreDeploymentCommand, string? PostDeploymentCommand, int DockerImagesToKeep,
        bool IsForceHttpsEnabled, bool IsGzipEnabled, bool IsStripprefixEnabled, string Redirect, bool IsHttpBasicAuthEnabled, string? HttpBasicAuthUsername,
        [property: Sensitive] string? HttpBasicAuthPassword,
        string? EnvironmentUuid, string? EnvironmentName, string? ProjectUuid, string? DestinationUuid, string? ServerUuid, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record ApplicationLogs(string Logs);

    public sealed record CreatedApplication(string Uuid, string? DeploymentUuid);

    public sealed record DeploymentQueued(string Message, string DeploymentUuid);

    public sealed record RollbackImage(string Tag, DateTimeOffset CreatedAt, bool IsCurrent);

    public sealed record RollbackImages(string? Current, List<RollbackImage> Images);

    public sealed record RollbackRequest(string? Commit);

    public static async Task<Ok<List<ApplicationResponse>>> ListAsync(
        string? tag, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, Core.Tags.TagService tags, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var all = await applications.ListAsync(scope, ct);
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var tagged = (await tags.ApplicationsTaggedAsync(scope, [tag.Trim()], ct)).ToHashSet(StringComparer.Ordinal);
            all = [.. all.Where(a => tagged.Contains(a.Uuid))];
        }

        return TypedResults.Ok(all.Select(ToResponse).ToList());
    }

    public static async Task<Ok<ApplicationResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await applications.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<CreatedApplication>> CreateAsync(
        ApplicationSource source, CreateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var place = new ApplicationPlace(body.ProjectUuid, body.ServerUuid, body.EnvironmentName, body.EnvironmentUuid, body.DestinationUuid);
        var application = await applications.CreateAsync(scope, source, place, body, body.PrivateKeyUuid, ct);
        var deployment = body.InstantDeploy == true ? await queue.EnqueueAsync(scope, application.Uuid, force: false, ct) : null;
        return TypedResults.Created($"/api/v1/applications/{application.Uuid}", new CreatedApplication(application.Uuid, deployment?.Uuid));
    }

    public static async Task<Ok<UuidResponse>> UpdateAsync(
        string uuid, ApplicationPatch body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, DeploymentQueue queue, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var application = await applications.UpdateAsync(scope, uuid, body, ct);
        if (body.InstantDeploy == true)
        {
            await queue.EnqueueAsync(scope, application.Uuid, force: false, ct);
        }

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

    public static async Task<Ok<ApiMessage>> StopAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationService applications, CancellationToken ct)
    {
        await applications.StopAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Application stopped."));
    }

    public static async Task<Ok<DeploymentQueued>> RestartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct)
    {
        var deployment = await queue.EnqueueRestartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new DeploymentQueued("Restart request queued.", deployment.Uuid));
    }

    public static async Task<Results<Ok<ApplicationLogs>, BadRequest<ApiMessage>>> LogsAsync(
        string uuid, int? lines, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "show_timestamps")] bool? showTimestamps, ClaimsPrincipal user, TeamScopeFactory scopes,
        ApplicationService applications, CancellationToken ct)
    {
        var logs = await applications.LogsAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, lines ?? 100, showTimestamps == true, ct);
        // Coolify's answer when there is no container to read.
        return logs is null ? TypedResults.BadRequest(new ApiMessage("Application is not running.")) : TypedResults.Ok(new ApplicationLogs(logs));
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
        a.Id, a.Uuid, a.Name, a.Description, a.BuildPack, a.Status, a.Fqdn, a.DockerRegistryImageName, a.DockerRegistryImageTag, a.PortsExposes, a.PortsMappings,
        a.GitRepository, a.GitBranch, a.GitCommitSha, a.PrivateKey?.Uuid, a.InstallCommand, a.BuildCommand, a.StartCommand, a.BaseDirectory, a.PublishDirectory,
        a.Dockerfile, a.DockerfileLocation, a.DockerfileTargetBuild, a.StaticImage, a.Settings?.IsStatic ?? false, a.Settings?.IsSpa ?? false,
        a.HealthCheckEnabled, a.HealthCheckType, a.HealthCheckCommand, a.HealthCheckPath, a.HealthCheckPort, a.HealthCheckHost,
        a.HealthCheckMethod, a.HealthCheckScheme, a.HealthCheckReturnCode, a.HealthCheckResponseText, a.HealthCheckInterval,
        a.HealthCheckTimeout, a.HealthCheckRetries, a.HealthCheckStartPeriod, a.LimitsMemory, a.LimitsMemorySwap, a.LimitsMemorySwappiness,
        a.LimitsMemoryReservation, a.LimitsCpus, a.LimitsCpuset, a.LimitsCpuShares, a.CustomLabels, a.RestartPolicy,
        a.Settings?.StopGracePeriod, a.PreDeploymentCommand, a.PostDeploymentCommand, a.Settings?.DockerImagesToKeep ?? 2,
        a.Settings?.IsForceHttpsEnabled ?? true, a.Settings?.IsGzipEnabled ?? true, a.Settings?.IsStripprefixEnabled ?? true, a.Redirect, a.IsHttpBasicAuthEnabled,
        a.HttpBasicAuthUsername, a.HttpBasicAuthPassword,
        a.Environment?.Uuid, a.Environment?.Name, a.Environment?.Project?.Uuid, a.Destination?.Uuid, a.Destination?.Server?.Uuid, a.CreatedAt, a.UpdatedAt);
}
