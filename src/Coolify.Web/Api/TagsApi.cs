using System.Security.Claims;
using Coolify.Core.Tags;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's tag routes: the team's tags, and the tags of an application.</summary>
public static class TagsApi
{
    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Tags").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/tags", ListAsync).WithName("list-tags");
        read.MapGet("/applications/{uuid}/tags", ListForApplicationAsync).WithName("list-tags-by-application-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Tags").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/tags", CreateAsync).WithName("create-tag");
        write.MapPatch("/tags/{uuid}", RenameAsync).WithName("update-tag-by-uuid");
        write.MapDelete("/tags/{uuid}", DeleteAsync).WithName("delete-tag-by-uuid");
        write.MapPost("/applications/{uuid}/tags", AttachAsync).WithName("create-tag-by-application-uuid");
        write.MapDelete("/applications/{uuid}/tags/{tag_uuid}", DetachAsync).WithName("delete-tag-by-application-uuid");
        return app;
    }

    public sealed record TagRequest(string? Name);

    public sealed record AttachRequest(string? TagName, List<string?>? TagNames);

    public sealed record TagResponse(string Uuid, string Name, DateTime CreatedAt, DateTime UpdatedAt);

    public static async Task<Ok<List<TagResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
        TypedResults.Ok((await tags.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Created<TagResponse>> CreateAsync(TagRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        var tag = await tags.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Name, ct);
        return TypedResults.Created($"/api/v1/tags/{tag.Uuid}", ToResponse(tag));
    }

    public static async Task<Ok<TagResponse>> RenameAsync(string uuid, TagRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await tags.RenameAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Name, ct)));

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        await tags.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Tag deleted."));
    }

    public static async Task<Ok<List<TagResponse>>> ListForApplicationAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
        TypedResults.Ok((await tags.OfApplicationAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)).Select(ToResponse).ToList());

    public static async Task<Created<List<TagResponse>>> AttachAsync(
        string uuid, AttachRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        var names = body.TagNames ?? (body.TagName is null ? [] : [body.TagName]);
        var attached = await tags.AttachAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, names, ct);
        return TypedResults.Created($"/api/v1/applications/{uuid}/tags", attached.Select(ToResponse).ToList());
    }

    public static async Task<Ok<ApiMessage>> DetachAsync(
        string uuid, [FromRoute(Name = "tag_uuid")] string tagUuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        await tags.DetachAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, tagUuid, ct);
        return TypedResults.Ok(new ApiMessage("Tag removed."));
    }

    private static TagResponse ToResponse(Tag t) => new(t.Uuid, t.Name, t.CreatedAt, t.UpdatedAt);
}
