using System.Security.Claims;
using Coolify.Core.Applications;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's application environment-variable routes. Values need <c>read:sensitive</c>; shown-once values never come back.</summary>
public static class EnvironmentVariablesApi
{
    public static IEndpointRouteBuilder MapEnvironmentVariableEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/applications/{uuid}/envs", ListAsync).WithName("list-envs-by-application-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/applications/{uuid}/envs", CreateAsync).WithName("create-env-by-application-uuid");
        write.MapPatch("/applications/{uuid}/envs", UpdateAsync).WithName("update-env-by-application-uuid");
        write.MapPatch("/applications/{uuid}/envs/bulk", BulkAsync).WithName("update-envs-by-application-uuid");
        write.MapDelete("/applications/{uuid}/envs/{env_uuid}", DeleteAsync).WithName("delete-env-by-application-uuid");
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

    public static async Task<Ok<List<EnvResponse>>> ListAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct) =>
        TypedResults.Ok((await variables.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)).Select(ToResponse).ToList());

    public static async Task<Created<UuidResponse>> CreateAsync(string uuid, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var variable = await variables.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct);
        return TypedResults.Created($"/api/v1/applications/{uuid}/envs", new UuidResponse(variable.Uuid));
    }

    public static async Task<Created<UuidResponse>> UpdateAsync(string uuid, EnvRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var variable = await variables.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct);
        return TypedResults.Created($"/api/v1/applications/{uuid}/envs", new UuidResponse(variable.Uuid));
    }

    public static async Task<Created<List<UuidResponse>>> BulkAsync(string uuid, BulkRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        var changed = await variables.UpsertManyAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, (body.Data ?? []).Select(e => e.ToChange()).ToList(), ct);
        return TypedResults.Created($"/api/v1/applications/{uuid}/envs", changed.Select(v => new UuidResponse(v.Uuid)).ToList());
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [FromRoute(Name = "env_uuid")] string envUuid, ClaimsPrincipal user, TeamScopeFactory scopes, EnvironmentVariables variables, CancellationToken ct)
    {
        await variables.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, envUuid, ct);
        return TypedResults.Ok(new ApiMessage("Environment variable deleted."));
    }

    // A shown-once value is redacted for everyone, read:sensitive included.
    private static EnvResponse ToResponse(EnvironmentVariable v) => new(
        v.Uuid, v.Key, v.IsShownOnce ? null : v.Value, v.IsBuildtime, v.IsRuntime, v.IsPreview, v.IsLiteral, v.IsMultiline, v.IsShownOnce, v.Comment,
        v.CreatedAt, v.UpdatedAt);
}
