using System.Security.Claims;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's destination routes: Docker networks on servers.</summary>
public static class DestinationsApi
{
    public static IEndpointRouteBuilder MapDestinationEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Destinations").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/destinations", ListAsync).WithName("list-destinations");
        read.MapGet("/servers/{server_uuid}/destinations", ListForServerAsync).WithName("list-server-destinations");
        read.MapGet("/destinations/{uuid}", GetAsync).WithName("get-destination-by-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Destinations").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/servers/{server_uuid}/destinations", CreateAsync).WithName("create-server-destination");
        write.MapPatch("/destinations/{uuid}", UpdateAsync).WithName("update-destination-by-uuid");
        write.MapDelete("/destinations/{uuid}", DeleteAsync).WithName("delete-destination-by-uuid");
        return app;
    }

    public sealed record DestinationRequest(string? Name, string? Network, string? Type);

    public sealed record DestinationResponse(string Uuid, string Name, string Network, string Type, string? ServerUuid, DateTime CreatedAt, DateTime UpdatedAt);

    public static async Task<Ok<List<DestinationResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, DestinationService destinations, CancellationToken ct) =>
        TypedResults.Ok((await destinations.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Ok<List<DestinationResponse>>> ListForServerAsync(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "server_uuid")] string serverUuid, ClaimsPrincipal user, TeamScopeFactory scopes, DestinationService destinations, CancellationToken ct) =>
        TypedResults.Ok((await destinations.ListForServerAsync(await ApiScope.RequireAsync(user, scopes, ct), serverUuid, ct)).Select(ToResponse).ToList());

    public static async Task<Ok<DestinationResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DestinationService destinations, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await destinations.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<DestinationResponse>> CreateAsync(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "server_uuid")] string serverUuid, DestinationRequest body, ClaimsPrincipal user, TeamScopeFactory scopes,
        DestinationService destinations, CancellationToken ct)
    {
        var destination = await destinations.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), serverUuid, body.Name, body.Network, body.Type, ct);
        return TypedResults.Created($"/api/v1/destinations/{destination.Uuid}", ToResponse(destination));
    }

    public static async Task<Ok<DestinationResponse>> UpdateAsync(string uuid, DestinationRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, DestinationService destinations, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await destinations.RenameAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Name, ct)));

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DestinationService destinations, CancellationToken ct)
    {
        await destinations.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Deleted."));
    }

    private static DestinationResponse ToResponse(Destination d) => new(d.Uuid, d.Name, d.Network, d.Type, d.Server?.Uuid, d.CreatedAt, d.UpdatedAt);
}
