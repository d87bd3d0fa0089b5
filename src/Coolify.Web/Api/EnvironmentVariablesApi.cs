using System.Security.Claims;
using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's environment-variable routes of applications and databases. Values need <c>read:sensitive</c>; shown-once
/// values never come back.
/// </summary>
public static class EnvironmentVariablesApi
{
    public static IEndpointRouteBuilder MapEnvironmentVariableEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var r in ResourceRoutes.All)
        {
            var read = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
            read.MapGet($"/{r.Segment}/{{uuid}}/envs", (string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
                ListAsync(r.For(uuid), user, scopes, variables, ct)).WithName($"list-envs-by-{r.Noun}-uuid");

            var write = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
            write.MapPost($"/{r.Segment}/{{uuid}}/envs", (string uuid, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
                CreateAsync(r.For(uuid), $"/api/v1/{r.Segment}/{uuid}/envs", body, user, scopes, variables, ct)).WithName($"create-env-by-{r.Noun}-uuid");
            write.MapPatch($"/{r.Segment}/{{uuid}}/envs", (string uuid, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
                UpdateAsync(r.For(uuid), $"/api/v1/{r.Segment}/{uuid}/envs", body, user, scopes, variables, ct)).WithName($"update-env-by-{r.Noun}-uuid");
            write.MapPatch($"/{r.Segment}/{{uuid}}/envs/bulk", (string uuid, BulkRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
                BulkAsync(r.For(uuid), $"/api/v1/{r.Segment}/{uuid}/envs", body, user, scopes, variables, ct)).WithName($"update-envs-by-{r.Noun}-uuid");
            write.MapDelete($"/{r.Segment}/{{uuid}}/envs/{{env_uuid}}", (
                    string uuid, [FromRoute(Name = "env_uuid")] string envUuid, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
                DeleteAsync(r.For(uuid), envUuid, user, scopes, variables, ct)).WithName($"delete-env-by-{r.Noun}-uuid");
        }

        return app;
    }

    public sealed record EnvRequest(
        string? Key, string? Value, bool? IsPreview, bool? IsLiteral, bool? IsMultiline, bool? IsShownOnce, bool? IsBuildtime, bool? IsRuntime, string? Comment)
    {
        public EnvironmentVariableChange ToChange() => new(Key, Value, IsPreview, IsLiteral, IsMultiline, IsShownOnce, IsBuildtime, IsRuntime, Comment);
    }

    public sealed record BulkRequest(List<EnvRequest>? Data);

    public sealed record EnvResponse(
        string Uuid, string Key, [property: Sensitive] string? Value, bool IsBuildtime, bool IsRuntime, bool IsPreview, bool IsLiteral, bool IsMultiline,
        bool IsShownOnce, string? Comment, DateTime CreatedAt, DateTime UpdatedAt);

    public static async Task<Ok<List<EnvResponse>>> ListAsync(ResourceRef resource, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
        TypedResults.Ok((await variables.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, ct)).Select(ToResponse).ToList());

    public static async Task<Created<UuidResponse>> CreateAsync(ResourceRef resource, string location, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var variable = await variables.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, body.ToChange(), ct);
        return TypedResults.Created(location, new UuidResponse(variable.Uuid));
    }

    public static async Task<Created<UuidResponse>> UpdateAsync(ResourceRef resource, string location, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var variable = await variables.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, body.ToChange(), ct);
        return TypedResults.Created(location, new UuidResponse(variable.Uuid));
    }

    public static async Task<Created<List<UuidResponse>>> BulkAsync(ResourceRef resource, string location, BulkRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var changed = await variables.UpsertManyAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, (body.Data ?? []).Select(e => e.ToChange()).ToList(), ct);
        return TypedResults.Created(location, changed.Select(v => new UuidResponse(v.Uuid)).ToList());
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        ResourceRef resource, string envUuid, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        await variables.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, envUuid, ct);
        return TypedResults.Ok(new ApiMessage("Environment variable deleted."));
    }

    // A shown-once value is redacted for everyone, read:sensitive included.
    private static EnvResponse ToResponse(EnvironmentVariable v) => new(
        v.Uuid, v.Key, v.IsShownOnce ? null : v.Value, v.IsBuildtime, v.IsRuntime, v.IsPreview, v.IsLiteral, v.IsMultiline, v.IsShownOnce, v.Comment,
        v.CreatedAt, v.UpdatedAt);
}
