using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Databases;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>/databases</c> routes: create per engine, list, get, update, delete, start, stop, restart, logs.</summary>
public static class DatabasesApi
{
    public static IEndpointRouteBuilder MapDatabaseEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Databases").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/databases", ListAsync).WithName("list-databases");
        read.MapGet("/databases/{uuid}", GetAsync).WithName("get-database-by-uuid");
        read.MapGet("/databases/{uuid}/logs", LogsAsync).WithName("get-database-logs-by-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Databases").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        foreach (var engine in DatabaseEngine.All)
        {
            write.MapPost($"/databases/{engine.Name}", (DatabaseRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct) =>
                CreateAsync(engine, body, user, scopes, databases, ct)).WithName($"create-database-{engine.Name}");
        }

        write.MapPatch("/databases/{uuid}", UpdateAsync).WithName("update-database-by-uuid");
        write.MapDelete("/databases/{uuid}", DeleteAsync).WithName("delete-database-by-uuid");
        write.MapPost("/databases/{uuid}/start", StartAsync).WithName("start-database-by-uuid");
        write.MapPost("/databases/{uuid}/stop", StopAsync).WithName("stop-database-by-uuid");
        write.MapPost("/databases/{uuid}/restart", RestartAsync).WithName("restart-database-by-uuid");
        return app;
    }

    /// <param name="InternalDbUrl">How applications on its network connect (with the password: <c>read:sensitive</c> only).</param>
    public sealed record CreatedDatabase(string Uuid, [property: Sensitive] string InternalDbUrl, [property: Sensitive] string? ExternalDbUrl);

    public sealed record DatabaseLogs(string Logs);

    public static async Task<Ok<List<DatabaseResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        var list = await databases.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct);
        var responses = new List<DatabaseResponse>();
        foreach (var database in list)
        {
            responses.Add(DatabaseResponse.From(database, await databases.PublicHostAsync(database, ct), SensitiveFields.CanRead(user)));
        }

        return TypedResults.Ok(responses);
    }

    public static async Task<Ok<DatabaseResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        var database = await databases.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(DatabaseResponse.From(database, await databases.PublicHostAsync(database, ct), SensitiveFields.CanRead(user)));
    }

    /// <summary>201 with the uuid and URLs; <c>instant_deploy</c> starts it at once (a failed start leaves it created, and says why).</summary>
    public static async Task<Created<CreatedDatabase>> CreateAsync(
        DatabaseEngine engine, DatabaseRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var database = await databases.CreateAsync(scope, engine, body.Place, body.ToChange(engine), ct);
        if (body.InstantDeploy == true)
        {
            await databases.StartAsync(scope, database.Uuid, ct);
        }

        var host = await databases.PublicHostAsync(database, ct);
        return TypedResults.Created($"/api/v1/databases/{database.Uuid}", new CreatedDatabase(
            database.Uuid, engine.Url(database, database.Uuid, engine.InternalPort),
            database is { IsPublic: true, PublicPort: { } port } ? engine.Url(database, host, port) : null));
    }

    public static async Task<Ok<ApiMessage>> UpdateAsync(string uuid, DatabaseRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var database = await databases.GetAsync(scope, uuid, ct);
        if (body.ServerUuid is not null || body.ProjectUuid is not null || body.EnvironmentName is not null || body.EnvironmentUuid is not null || body.DestinationUuid is not null)
        {
            throw ValidationException.For("server_uuid", "A database stays where it was created; these fields are for creating one.");
        }

        await databases.UpdateAsync(scope, uuid, body.ToChange(DatabaseEngine.Of(database)), ct);
        return TypedResults.Ok(new ApiMessage("Database updated."));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [FromQuery(Name = "delete_volumes")] bool? deleteVolumes, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        // Coolify's default: the volumes go with the database unless asked to keep them.
        await databases.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, deleteVolumes != false, ct);
        return TypedResults.Ok(new ApiMessage("Database deleted."));
    }

    public static async Task<Ok<ApiMessage>> StartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        await databases.StartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Database started."));
    }

    public static async Task<Ok<ApiMessage>> StopAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        await databases.StopAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Database stopped."));
    }

    public static async Task<Ok<ApiMessage>> RestartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct)
    {
        await databases.RestartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Database restarted."));
    }

    public static async Task<Ok<DatabaseLogs>> LogsAsync(
        string uuid, int? lines, [FromQuery(Name = "show_timestamps")] bool? showTimestamps, ClaimsPrincipal user, TeamScopeFactory scopes, DatabaseService databases, CancellationToken ct) =>
        TypedResults.Ok(new DatabaseLogs(await databases.LogsAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, lines ?? 100, showTimestamps == true, ct)));
}
