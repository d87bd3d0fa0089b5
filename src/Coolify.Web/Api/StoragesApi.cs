using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Storages;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's storage routes of applications and databases: named volumes, host folders and file mounts. File contents
/// need <c>read:sensitive</c>.
/// </summary>
public static class StoragesApi
{
    public static IEndpointRouteBuilder MapStorageEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var r in ResourceRoutes.All.Where(r => r.HasStorages))
        {
            var read = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
            read.MapGet($"/{r.Segment}/{{uuid}}/storages", (string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct) =>
                ListAsync(r.For(uuid), user, scopes, storages, ct)).WithName($"list-storages-by-{r.Noun}-uuid");

            var write = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
            write.MapPost($"/{r.Segment}/{{uuid}}/storages", (string uuid, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct) =>
                CreateAsync(r.For(uuid), $"/api/v1/{r.Segment}/{uuid}/storages", body, user, scopes, storages, ct)).WithName($"create-storage-by-{r.Noun}-uuid");
            write.MapPatch($"/{r.Segment}/{{uuid}}/storages", (string uuid, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct) =>
                UpdateAsync(r.For(uuid), body, user, scopes, storages, ct)).WithName($"update-storage-by-{r.Noun}-uuid");
            write.MapDelete($"/{r.Segment}/{{uuid}}/storages/{{storage_uuid}}", (
                    string uuid, [FromRoute(Name = "storage_uuid")] string storageUuid, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct) =>
                DeleteAsync(r.For(uuid), storageUuid, user, scopes, storages, ct)).WithName($"delete-storage-by-{r.Noun}-uuid");
        }

        return app;
    }

    public sealed record StorageRequest(string? Type, string? Uuid, string? Name, string? MountPath, string? HostPath, string? Content, bool? IsDirectory)
    {
        public StorageChange ToChange() => new(Type, Uuid, Name, MountPath, HostPath, Content, IsDirectory);
    }

    public sealed record PersistentStorage(string Uuid, string Type, string Name, string MountPath, string? HostPath, DateTime CreatedAt);

    public sealed record FileStorage(string Uuid, string Type, string MountPath, string FsPath, [property: Sensitive] string? Content, bool IsDirectory, DateTime CreatedAt);

    public sealed record Storages(List<PersistentStorage> PersistentStorages, List<FileStorage> FileStorages);

    public static async Task<Ok<Storages>> ListAsync(ResourceRef resource, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct)
    {
        var (volumes, files) = await storages.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, ct);
        return TypedResults.Ok(new Storages([.. volumes.Select(ToResponse)], [.. files.Select(ToResponse)]));
    }

    public static async Task<Created<object>> CreateAsync(
        ResourceRef resource, string location, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct)
    {
        var storage = await storages.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, body.ToChange(), ct);
        return TypedResults.Created(location, ToResponse(storage));
    }

    public static async Task<Ok<object>> UpdateAsync(
        ResourceRef resource, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await storages.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, body.ToChange(), ct)));

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        ResourceRef resource, string storageUuid, ClaimsPrincipal user, TeamScopeFactory scopes, ResourceStorages storages, CancellationToken ct)
    {
        await storages.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, storageUuid, ct);
        return TypedResults.Ok(new ApiMessage("Storage deleted."));
    }

    private static object ToResponse(Core.Common.Entity storage) => storage switch
    {
        LocalFileVolume file => ToResponse(file),
        LocalPersistentVolume volume => ToResponse(volume),
        _ => throw new ArgumentOutOfRangeException(nameof(storage)),
    };

    private static PersistentStorage ToResponse(LocalPersistentVolume v) => new(v.Uuid, ResourceStorages.Persistent, v.Name, v.MountPath, v.HostPath, v.CreatedAt);

    private static FileStorage ToResponse(LocalFileVolume f) => new(f.Uuid, ResourceStorages.File, f.MountPath, f.FsPath, f.Content, f.IsDirectory, f.CreatedAt);
}
