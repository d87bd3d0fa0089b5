using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Deployments;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's deployment routes: trigger, list, get (with the log), cancel.</summary>
public static class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Deployments").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/deployments", ListOpenAsync).WithName("list-deployments");
        read.MapGet("/deployments/{uuid}", GetAsync).WithName("get-deployment-by-uuid");
        read.MapGet("/deployments/applications/{uuid}", ListForApplicationAsync).WithName("list-deployments-by-app-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Deployments").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/deploy", DeployAsync).WithName("deploy-by-tag-or-uuid");
        write.MapPost("/deployments/{uuid}/cancel", CancelAsync).WithName("cancel-deployment-by-uuid");
        return app;
    }

    public sealed record LogLineResponse(string Output, string Type, DateTime Timestamp, bool Hidden, int Order);

    public sealed record DeploymentResponse(
        int Id, string DeploymentUuid, string? ApplicationUuid, string? ApplicationName, string? ServerUuid, string? ServerName, string Status,
        string Commit, bool ForceRebuild, DateTime CreatedAt, DateTime UpdatedAt, DateTime? StartedAt, DateTime? FinishedAt, List<LogLineResponse>? Logs);

    public sealed record DeploymentList(int Count, List<DeploymentResponse> Deployments);

    public sealed record Triggered(string Message, string ResourceUuid, string DeploymentUuid);

    public sealed record TriggeredList(List<Triggered> Deployments);

    public sealed record Cancelled(string Message, string DeploymentUuid, string Status);

    public static async Task<Ok<List<DeploymentResponse>>> ListOpenAsync(ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct) =>
        TypedResults.Ok((await queue.ListOpenAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(d => ToResponse(d, withLogs: false)).ToList());

    public static async Task<Ok<DeploymentResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await queue.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, withLogs: true, ct), withLogs: true));

    public static async Task<Ok<DeploymentList>> ListForApplicationAsync(
        string uuid, int? skip, int? take, ClaimsPrincipal user, TeamScopeFactory scopes, Core.Applications.ApplicationService applications, DeploymentQueue queue,
        CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        _ = await applications.GetAsync(scope, uuid, ct);
        var list = await queue.ListAsync(scope, uuid, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 10, 1, 100), ct);
        return TypedResults.Ok(new DeploymentList(list.Count, list.Select(d => ToResponse(d, withLogs: false)).ToList()));
    }

    /// <summary>Coolify's <c>/deploy?uuid=a,b&amp;tag=c,d&amp;force=true</c>: queues each listed application and each carrying one of the tags.</summary>
    public static async Task<Ok<TriggeredList>> DeployAsync(
        string? uuid, string? tag, bool? force, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, Core.Tags.TagService tags, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var uuids = (uuid ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var tagNames = (tag ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (uuids.Count == 0 && tagNames.Length == 0)
        {
            throw ValidationException.For("uuid", "You must provide uuid or tag.");
        }

        if (tagNames.Length > 0)
        {
            var tagged = await tags.ApplicationsTaggedAsync(scope, tagNames, ct);
            if (tagged.Count == 0)
            {
                throw ValidationException.For("tag", "No resources found with this tag.");
            }

            uuids.AddRange(tagged.Except(uuids, StringComparer.Ordinal));
        }

        var triggered = new List<Triggered>();
        foreach (var resource in uuids)
        {
            var deployment = await queue.EnqueueAsync(scope, resource, force == true, ct);
            triggered.Add(new Triggered("Deployment request queued.", resource, deployment.Uuid));
        }

        return TypedResults.Ok(new TriggeredList(triggered));
    }

    public static async Task<Results<Ok<Cancelled>, BadRequest<ApiMessage>>> CancelAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DeploymentQueue queue, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        try
        {
            await queue.CancelAsync(scope, uuid, ct);
        }
        catch (ValidationException)
        {
            var current = await queue.GetAsync(scope, uuid, withLogs: false, ct);
            return TypedResults.BadRequest(new ApiMessage($"Deployment cannot be cancelled. Current status: {current.Status}"));
        }

        return TypedResults.Ok(new Cancelled("Deployment cancelled successfully.", uuid, DeploymentStatus.Cancelled));
    }

    private static DeploymentResponse ToResponse(Deployment d, bool withLogs) => new(
        d.Id, d.Uuid, d.Application?.Uuid, d.Application?.Name, d.Server?.Uuid, d.Server?.Name, d.Status, d.Commit, d.ForceRebuild, d.CreatedAt,
        d.UpdatedAt, d.StartedAt, d.FinishedAt,
        withLogs ? d.LogLines.Select(l => new LogLineResponse(l.Output, l.Type, l.Timestamp, l.Hidden, l.Sequence)).ToList() : null);
}
