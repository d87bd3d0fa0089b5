using System.Security.Claims;
using Coolify.Core.Storages;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's application storage routes: named volumes, host folders and file mounts. File contents need <c>read:sensitive</c>.</summary>
public static class StoragesApi
{
    public static IEndpointRouteBuilder MapStorageEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/applications/{uuid}/storages", ListAsync).WithName("list-storages-by-application-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Applications").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/applications/{uuid}/storages", CreateAsync).WithName("create-storage-by-application-uuid");
        write.MapPatch("/applications/{uuid}/storages", UpdateAsync).WithName("update-storage-by-application-uuid");
        write.MapDelete("/applications/{uuid}/storages/{storage_uuid}", DeleteAsync).WithName("delete-storage-by-application-uuid");
        return app;
    }

    public sealed record StorageRequest(string? Type, string? Uuid, string? Name, string? MountPath, string? HostPath, string? Content, bool? IsDirectory)
    {
        public StorageChange ToChange() => new(Type, Uuid, Name, MountPath, HostPath, Content, IsDirectory);
    }

    public sealed record PersistentStorage(string Uuid, string Type, string Name, string MountPath, string? HostPath, DateTime CreatedAt);

    public sealed record FileStorage(string Uuid, string Type, string MountPath, string FsPath, [property: Sensitive] string? Content, bool IsDirectory, DateTime CreatedAt);

    public sealed record Storages(List<PersistentStorage> PersistentStorages, List<FileStorage> FileStorages);

    public static async Task<Ok<Storages>> ListAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationStorages storages, CancellationToken ct)
    {
        var (volumes, files) = await storages.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new Storages([.. volumes.Select(ToResponse)], [.. files.Select(ToResponse)]));
    }

    public static async Task<Created<object>> CreateAsync(
        string uuid, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationStorages storages, CancellationToken ct)
    {
        var storage = await storages.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct);
        return TypedResults.Created($"/api/v1/applications/{uuid}/storages", ToResponse(storage));
    }

    public static async Task<Ok<object>> UpdateAsync(
        string uuid, StorageRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationStorages storages, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await storages.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.ToChange(), ct)));

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [FromRoute(Name = "storage_uuid")] string storageUuid, ClaimsPrincipal user, TeamScopeFactory scopes, ApplicationStorages storages, CancellationToken ct)
    {
        await storages.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, storageUuid, ct);
        return TypedResults.Ok(new ApiMessage("Storage deleted."));
    }

    private static object ToResponse(Core.Common.Entity storage) => storage switch
    {
        LocalFileVolume file => ToResponse(file),
        LocalPersistentVolume volume => ToResponse(volume),
        _ => throw new ArgumentOutOfRangeException(nameof(storage)),
    };

    private static PersistentStorage ToResponse(LocalPersistentVolume v) => new(v.Uuid, ApplicationStorages.Persistent, v.Name, v.MountPath, v.HostPath, v.CreatedAt);

    private static FileStorage ToResponse(LocalFileVolume f) => new(f.Uuid, ApplicationStorages.File, f.MountPath, f.FsPath, f.Content, f.IsDirectory, f.CreatedAt);
}
