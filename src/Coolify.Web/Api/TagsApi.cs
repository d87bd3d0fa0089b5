using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Tags;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's tag routes: the team's tags, and the tags of an application or a database.</summary>
public static class TagsApi
{
    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Tags").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/tags", ListAsync).WithName("list-tags");

        var write = app.MapGroup("/api/v1").WithTags("Tags").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/tags", CreateAsync).WithName("create-tag");
        write.MapPatch("/tags/{uuid}", RenameAsync).WithName("update-tag-by-uuid");
        write.MapDelete("/tags/{uuid}", DeleteAsync).WithName("delete-tag-by-uuid");
        foreach (var r in ResourceRoutes.All)
        {
            var readOwn = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
            readOwn.MapGet($"/{r.Segment}/{{uuid}}/tags", (string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
                ListForResourceAsync(r.For(uuid), user, scopes, tags, ct)).WithName($"list-tags-by-{r.Noun}-uuid");

            var writeOwn = app.MapGroup("/api/v1").WithTags(r.Tag).RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
            writeOwn.MapPost($"/{r.Segment}/{{uuid}}/tags", (string uuid, AttachRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
                AttachAsync(r.For(uuid), $"/api/v1/{r.Segment}/{uuid}/tags", body, user, scopes, tags, ct)).WithName($"create-tag-by-{r.Noun}-uuid");
            writeOwn.MapDelete($"/{r.Segment}/{{uuid}}/tags/{{tag_uuid}}", (
                    string uuid, [FromRoute(Name = "tag_uuid")] string tagUuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
                DetachAsync(r.For(uuid), tagUuid, user, scopes, tags, ct)).WithName($"delete-tag-by-{r.Noun}-uuid");
        }

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

    public static async Task<Ok<List<TagResponse>>> ListForResourceAsync(ResourceRef resource, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct) =>
        TypedResults.Ok((await tags.OfAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, ct)).Select(ToResponse).ToList());

    public static async Task<Created<List<TagResponse>>> AttachAsync(
        ResourceRef resource, string location, AttachRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        var names = body.TagNames ?? (body.TagName is null ? [] : [body.TagName]);
        var attached = await tags.AttachAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, names, ct);
        return TypedResults.Created(location, attached.Select(ToResponse).ToList());
    }

    public static async Task<Ok<ApiMessage>> DetachAsync(
        ResourceRef resource, string tagUuid, ClaimsPrincipal user, TeamScopeFactory scopes, TagService tags, CancellationToken ct)
    {
        await tags.DetachAsync(await ApiScope.RequireAsync(user, scopes, ct), resource, tagUuid, ct);
        return TypedResults.Ok(new ApiMessage("Tag removed."));
    }

    private static TagResponse ToResponse(Tag t) => new(t.Uuid, t.Name, t.CreatedAt, t.UpdatedAt);
}
