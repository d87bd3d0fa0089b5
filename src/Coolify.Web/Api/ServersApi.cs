using System.Security.Claims;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Coolify.Web.Servers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>/servers</c> routes (list, create, get, update, delete, validate, resources, domains).</summary>
public static class ServersApi
{
    public static IEndpointRouteBuilder MapServerEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/servers", ListAsync).WithName("list-servers");
        read.MapGet("/servers/{uuid}", GetAsync).WithName("get-server-by-uuid");
        read.MapGet("/servers/{uuid}/resources", ResourcesAsync).WithName("get-resources-by-server-uuid");
        read.MapGet("/servers/{uuid}/domains", DomainsAsync).WithName("get-domains-by-server-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/servers", CreateAsync).WithName("create-server");
        write.MapPatch("/servers/{uuid}", UpdateAsync).WithName("update-server-by-uuid");
        write.MapDelete("/servers/{uuid}", DeleteAsync).WithName("delete-server-by-uuid");
        write.MapPost("/servers/{uuid}/validate", ValidateAsync).WithName("validate-server-by-uuid");
        write.MapPost("/servers/{uuid}/host-key/reset", ResetHostKeyAsync).WithName("reset-server-host-key");
        return app;
    }

    public sealed record ServerRequest(
        string? Name, string? Description, string? Ip, int? Port, string? User, string? PrivateKeyUuid, bool? IsBuildServer,
        bool? InstantValidate, string? ProxyType, int? ConcurrentBuilds, int? DynamicTimeout, int? DeploymentQueueLimit,
        int? ConnectionTimeout, string? WildcardDomain, string? ServerTimezone)
    {
        public ServerChange ToChange() => new(
            Name, Description, Ip, Port, User, PrivateKeyUuid, ProxyType, IsBuildServer, ConcurrentBuilds, DeploymentQueueLimit,
            DynamicTimeout, ConnectionTimeout, WildcardDomain, ServerTimezone);
    }

    public sealed record ServerSettingsResponse(
        int ConcurrentBuilds, int DeploymentQueueLimit, int DynamicTimeout, int ConnectionTimeout, string? WildcardDomain,
        string ServerTimezone, bool IsReachable, bool IsUsable, bool IsBuildServer);

    public sealed record ServerResponse(
        int Id, string Uuid, string Name, string? Description, string Ip, string User, int Port, string ProxyType, bool IsLocalhost,
        string? PrivateKeyUuid, string? HostKey, int UnreachableCount, string? ValidationLogs, ServerSettingsResponse? Settings);

    public sealed record ResourceResponse(int Id, string Uuid, string Name, string Type, DateTime CreatedAt, DateTime UpdatedAt, string Status);

    public sealed record DomainsResponse(string Ip, IReadOnlyList<string> Domains);

    public static async Task<Ok<List<ServerResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct) =>
        TypedResults.Ok((await servers.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Ok<ServerResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await servers.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<UuidResponse>> CreateAsync(
        ServerRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, ServerValidationQueue validations, CancellationToken ct)
    {
        var server = await servers.CreateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.ToChange(), ct);
        if (body.InstantValidate == true)
        {
            validations.Enqueue(server.Id);
        }

        return TypedResults.Created($"/api/v1/servers/{server.Uuid}", new UuidResponse(server.Uuid));
    }

    public static async Task<Created<ServerResponse>> UpdateAsync(
        string uuid, ServerRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, ServerValidationQueue validations, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var server = await servers.UpdateAsync(scope, uuid, body.ToChange(), ct);
        if (body.InstantValidate == true)
        {
            validations.Enqueue(server.Id);
        }

        return TypedResults.Created($"/api/v1/servers/{uuid}", ToResponse(await servers.GetAsync(scope, uuid, ct)));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct)
    {
        await servers.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Server deleted."));
    }

    /// <param name="Install">Install missing Docker, Compose and git with the server's package manager.</param>
    public sealed record ValidateRequest(bool? Install);

    public static async Task<Created<ApiMessage>> ValidateAsync(
        string uuid, HttpRequest request, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, ServerValidationQueue validations, CancellationToken ct)
    {
        // The body is optional (Coolify's clients post none); a declared body parameter would make routing demand one.
        ValidateRequest? body = null;
        if (request.HasJsonContentType() && request.ContentLength != 0)
        {
            try
            {
                body = await request.ReadFromJsonAsync<ValidateRequest>(ct);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new BadHttpRequestException(ex.Message, ex);
            }
        }

        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        scope.EnsureCanWrite();
        validations.Enqueue((await servers.GetAsync(scope, uuid, ct)).Id, body?.Install == true);
        return TypedResults.Created($"/api/v1/servers/{uuid}", new ApiMessage("Validation started."));
    }

    public static async Task<Ok<ApiMessage>> ResetHostKeyAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct)
    {
        await servers.ForgetHostKeyAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Host key forgotten; the next connection pins the key the server presents."));
    }

    // Applications and databases arrive with [4/7] and [6/7]; until then a server runs none of ours.
    public static async Task<Ok<List<ResourceResponse>>> ResourcesAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct)
    {
        _ = await servers.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new List<ResourceResponse>());
    }

    public static async Task<Ok<List<DomainsResponse>>> DomainsAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ServerService servers, CancellationToken ct)
    {
        var server = await servers.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new List<DomainsResponse> { new(server.Ip, []) });
    }

    private static ServerResponse ToResponse(Server s) => new(
        s.Id, s.Uuid, s.Name, s.Description, s.Ip, s.User, s.Port, s.ProxyType, s.IsLocalhost, s.PrivateKey?.Uuid, s.HostKey, s.UnreachableCount,
        s.ValidationLogs,
        s.Settings is { } x
            ? new ServerSettingsResponse(x.ConcurrentBuilds, x.DeploymentQueueLimit, x.DynamicTimeout, x.ConnectionTimeout, x.WildcardDomain,
                x.ServerTimezone, x.IsReachable, x.IsUsable, x.IsBuildServer)
            : null);
}
