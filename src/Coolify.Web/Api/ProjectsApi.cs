using System.Security.Claims;
using Coolify.Core.Projects;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's project and environment routes.</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Projects").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/projects", ListAsync).WithName("list-projects");
        read.MapGet("/projects/{uuid}", GetAsync).WithName("get-project-by-uuid");
        read.MapGet("/projects/{uuid}/environments", ListEnvironmentsAsync).WithName("get-environments");
        read.MapGet("/projects/{uuid}/{environment_name_or_uuid}", GetEnvironmentAsync).WithName("get-environment-by-name-or-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Projects").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/projects", CreateAsync).WithName("create-project");
        write.MapPatch("/projects/{uuid}", UpdateAsync).WithName("update-project-by-uuid");
        write.MapDelete("/projects/{uuid}", DeleteAsync).WithName("delete-project-by-uuid");
        write.MapPost("/projects/{uuid}/environments", CreateEnvironmentAsync).WithName("create-environment");
        write.MapPatch("/projects/{uuid}/environments/{environment_name_or_uuid}", UpdateEnvironmentAsync).WithName("update-environment");
        write.MapDelete("/projects/{uuid}/environments/{environment_name_or_uuid}", DeleteEnvironmentAsync).WithName("delete-environment");
        return app;
    }

    public sealed record ProjectRequest(string? Name, string? Description);

    public sealed record EnvironmentResponse(int Id, string Uuid, string Name, string? Description, int ProjectId, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record ProjectResponse(
        int Id, string Uuid, string Name, string? Description, int TeamId, List<EnvironmentResponse> Environments, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record ProjectSummary(string Uuid, string Name, string? Description);

    public static async Task<Ok<List<ProjectResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct) =>
        TypedResults.Ok((await projects.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Ok<ProjectResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await projects.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<UuidResponse>> CreateAsync(ProjectRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct)
    {
        var project = await projects.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Name, body.Description, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Uuid}", new UuidResponse(project.Uuid));
    }

    // Coolify answers 201 with the project's fields.
    public static async Task<Created<ProjectSummary>> UpdateAsync(string uuid, ProjectRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct)
    {
        var project = await projects.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Name, body.Description, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Uuid}", new ProjectSummary(project.Uuid, project.Name, project.Description));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct)
    {
        await projects.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Project deleted."));
    }

    public static async Task<Ok<List<EnvironmentResponse>>> ListEnvironmentsAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct) =>
        TypedResults.Ok((await projects.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)).Environments.Select(ToResponse).ToList());

    public static async Task<Ok<EnvironmentResponse>> GetEnvironmentAsync(
        string uuid, [FromRoute(Name = "environment_name_or_uuid")] string environment, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await projects.GetEnvironmentAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, environment, ct)));

    public static async Task<Created<UuidResponse>> CreateEnvironmentAsync(
        string uuid, ProjectRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct)
    {
        var environment = await projects.CreateEnvironmentAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Name, body.Description, ct);
        return TypedResults.Created($"/api/v1/projects/{uuid}/{environment.Uuid}", new UuidResponse(environment.Uuid));
    }

    public static async Task<Ok<ProjectSummary>> UpdateEnvironmentAsync(
        string uuid, [FromRoute(Name = "environment_name_or_uuid")] string environment, ProjectRequest body, ClaimsPrincipal user, TeamScopeFactory scopes,
        ProjectService projects, CancellationToken ct)
    {
        var updated = await projects.UpdateEnvironmentAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, environment, body.Name, body.Description, ct);
        return TypedResults.Ok(new ProjectSummary(updated.Uuid, updated.Name, updated.Description));
    }

    public static async Task<Ok<ApiMessage>> DeleteEnvironmentAsync(
        string uuid, [FromRoute(Name = "environment_name_or_uuid")] string environment, ClaimsPrincipal user, TeamScopeFactory scopes, ProjectService projects, CancellationToken ct)
    {
        await projects.DeleteEnvironmentAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, environment, ct);
        return TypedResults.Ok(new ApiMessage("Environment deleted."));
    }

    private static ProjectResponse ToResponse(Project p) =>
        new(p.Id, p.Uuid, p.Name, p.Description, p.TeamId, p.Environments.Select(ToResponse).ToList(), p.CreatedAt, p.UpdatedAt);

    private static EnvironmentResponse ToResponse(ProjectEnvironment e) => new(e.Id, e.Uuid, e.Name, e.Description, e.ProjectId, e.CreatedAt, e.UpdatedAt);
}
