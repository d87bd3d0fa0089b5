using System.Security.Claims;
using Coolify.Core.S3;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>/s3-storages</c> routes: list, get, create, update, delete, validate. Key and secret go in; they come out only with <c>read:sensitive</c>.</summary>
public static class S3StoragesApi
{
    public static IEndpointRouteBuilder MapS3StorageEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("S3 Storages").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/s3-storages", ListAsync).WithName("list-s3-storages");
        read.MapGet("/s3-storages/{uuid}", GetAsync).WithName("get-s3-storage-by-uuid");

        var write = app.MapGroup("/api/v1").WithTags("S3 Storages").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/s3-storages", CreateAsync).WithName("create-s3-storage");
        write.MapPatch("/s3-storages/{uuid}", UpdateAsync).WithName("update-s3-storage-by-uuid");
        write.MapDelete("/s3-storages/{uuid}", DeleteAsync).WithName("delete-s3-storage-by-uuid");
        write.MapPost("/s3-storages/{uuid}/validate", ValidateAsync).WithName("validate-s3-storage-by-uuid");
        return app;
    }

    public sealed record S3StorageRequest(
        string? Name, string? Description, string? Endpoint, string? Bucket, string? Region, string? Key, string? Secret, bool? UsePathStyleEndpoint)
    {
        public S3StorageChange ToChange() => new(Name, Description, Endpoint, Bucket, Region, Key, Secret, UsePathStyleEndpoint);
    }

    public sealed record S3StorageResponse(
        string Uuid, string Name, string? Description, string Endpoint, string Bucket, string Region, bool UsePathStyleEndpoint, bool IsUsable,
        [property: Sensitive] string Key, [property: Sensitive] string Secret, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public static S3StorageResponse From(S3Storage s) =>
            new(s.Uuid, s.Name, s.Description, s.Endpoint, s.Bucket, s.Region, s.UsePathStyleEndpoint, s.IsUsable, s.Key, s.Secret, s.CreatedAt, s.UpdatedAt);
    }

    public static async Task<Ok<IEnumerable<S3StorageResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct) =>
        TypedResults.Ok((await storages.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(S3StorageResponse.From));

    public static async Task<Ok<S3StorageResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct) =>
        TypedResults.Ok(S3StorageResponse.From(await storages.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<UuidResponse>> CreateAsync(S3StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct)
    {
        var storage = await storages.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.ToChange(), ct);
        return TypedResults.Created($"/api/v1/s3-storages/{storage.Uuid}", new UuidResponse(storage.Uuid));
    }

    public static async Task<Ok<UuidResponse>> UpdateAsync(string uuid, S3StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct)
    {
        var storage = await storages.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct);
        return TypedResults.Ok(new UuidResponse(storage.Uuid));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct)
    {
        await storages.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("S3 storage deleted."));
    }

    /// <summary>200 either way, as Coolify: <c>valid</c> says whether the round trip worked, <c>message</c> what failed.</summary>
    public static async Task<Ok<S3Validation>> ValidateAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, S3StorageService storages, CancellationToken ct) =>
        TypedResults.Ok(await storages.ValidateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct));
}
