using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Services;
using Coolify.Core.Services.Catalog;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's <c>/services</c> routes: create from a template or a compose file, list, get, update, delete, start, stop,
/// restart, logs, and the service applications and databases. Start, stop and restart answer when done, with what
/// happened per compose service (Coolify queues them).
/// </summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Services").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/services", ListAsync).WithName("list-services");
        read.MapGet("/services/{uuid}", GetAsync).WithName("get-service-by-uuid");
        read.MapGet("/services/{uuid}/logs", LogsAsync).WithName("get-service-logs-by-uuid");
        read.MapGet("/services/{uuid}/applications", (string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
            PartsAsync(uuid, s => s.Applications.Select(ServiceApplicationResponse.From).ToList(), user, scopes, services, ct)).WithName("list-service-applications");
        read.MapGet("/services/{uuid}/applications/{app_uuid}", GetApplicationAsync).WithName("get-service-application");
        read.MapGet("/services/{uuid}/databases", (string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
            PartsAsync(uuid, s => s.Databases.Select(ServiceDatabaseResponse.From).ToList(), user, scopes, services, ct)).WithName("list-service-databases");
        read.MapGet("/services/{uuid}/databases/{database_uuid}", (string uuid, [FromRoute(Name = "database_uuid")] string databaseUuid, ClaimsPrincipal user,
            TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
            PartsAsync(uuid, s => ServiceDatabaseResponse.From(s.Databases.SingleOrDefault(d => d.Uuid == databaseUuid) ?? throw new NotFoundException()), user, scopes, services, ct))
            .WithName("get-service-database");

        var write = app.MapGroup("/api/v1").WithTags("Services").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/services", CreateAsync).WithName("create-service");
        write.MapPatch("/services/{uuid}", UpdateAsync).WithName("update-service-by-uuid");
        write.MapDelete("/services/{uuid}", DeleteAsync).WithName("delete-service-by-uuid");
        write.MapPatch("/services/{uuid}/applications/{app_uuid}", UpdateApplicationAsync).WithName("update-service-application");

        var deploy = app.MapGroup("/api/v1").WithTags("Services").RequireAbility(Abilities.Deploy).RequireRateLimiting(ApiRateLimiting.Policy);
        deploy.MapPost("/services/{uuid}/start", StartAsync).WithName("start-service-by-uuid");
        deploy.MapPost("/services/{uuid}/restart", RestartAsync).WithName("restart-service-by-uuid");
        deploy.MapPost("/services/{uuid}/stop", StopAsync).WithName("stop-service-by-uuid");
        foreach (var (part, parameter) in new[] { ("applications", "app_uuid"), ("databases", "database_uuid") })
        {
            foreach (var action in new[] { "start", "stop", "restart" })
            {
                deploy.MapPost($"/services/{{uuid}}/{part}/{{{parameter}}}/{action}", async (string uuid, HttpContext context, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
                {
                    await services.ControlPartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, context.Request.RouteValues[parameter] as string, action, ct);
                    return TypedResults.Ok(new ApiMessage($"{(action == "stop" ? "Stopped" : action == "start" ? "Started" : "Restarted")}."));
                }).WithName($"{action}-service-{part[..^1]}");
            }
        }
        return app;
    }

    /// <summary>Coolify's create answer: the uuid and the domains the service got; a message when <c>instant_deploy</c> could not start it.</summary>
    public sealed record CreatedService(
        string Uuid, IReadOnlyList<string> Domains, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

    /// <summary>What a start or restart did, compose service by compose service.</summary>
    public sealed record ServiceRunResponse(string Message, IReadOnlyList<string> Log);

    public sealed record ServiceLogs(string Logs);

    public static async Task<Ok<List<ServiceResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(s => ServiceResponse.From(s, SensitiveFields.CanRead(user))).ToList());

    public static async Task<Ok<ServiceResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok(ServiceResponse.From(await services.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct), SensitiveFields.CanRead(user)));

    /// <summary>201 with the uuid and domains; <c>instant_deploy</c> starts it at once (a failed start leaves it created, and says why).</summary>
    public static async Task<Created<CreatedService>> CreateAsync(
        ServiceRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, ServiceTemplateCatalog catalog, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        var compose = body.DecodedCompose();
        if ((body.Type is null) == (compose is null))
        {
            throw ValidationException.For("type", "Give either type (a one-click service) or docker_compose_raw (base64), not both.");
        }

        string? type = null;
        if (body.Type is { } name)
        {
            var template = await catalog.FindAsync(name, ct) ?? throw ValidationException.For("type", $"There is no one-click service called \"{name}\" in the catalog.");
            (type, compose) = (template.Name, template.Compose);
        }

        var service = await services.CreateAsync(scope, body.Place, type, compose!, body.ToChange() with { DockerComposeRaw = null }, ct);
        string? message = null;
        if (body.InstantDeploy == true)
        {
            try
            {
                await services.StartAsync(scope, service.Uuid, ct);
            }
            catch (Exception e) when (e is ValidationException or ServiceRolloutException or Coolify.Core.Commands.CommandFailedException
                or Coolify.Core.Commands.ServerConnectionException)
            {
                // Created all the same: the answer says so, with its uuid, and why it did not start.
                message = $"The service was created but did not start: {e.Message}";
            }
        }

        return TypedResults.Created($"/api/v1/services/{service.Uuid}", new CreatedService(service.Uuid, Domains(service), message));
    }

    public static async Task<Ok<CreatedService>> UpdateAsync(string uuid, ServiceRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(user, scopes, ct);
        if (body.Type is not null || body.ServerUuid is not null || body.ProjectUuid is not null || body.EnvironmentName is not null || body.EnvironmentUuid is not null)
        {
            throw ValidationException.For("type", "A service stays what and where it was created; these fields are for creating one.");
        }

        var service = await services.UpdateAsync(scope, uuid, body.ToChange(), ct);
        if (body.InstantDeploy == true)
        {
            await services.StartAsync(scope, uuid, ct, recreate: true);
        }

        return TypedResults.Ok(new CreatedService(service.Uuid, Domains(service)));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, [FromQuery(Name = "delete_volumes")] bool? deleteVolumes, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct)
    {
        await services.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, deleteVolumes != false, ct);
        return TypedResults.Ok(new ApiMessage("Service deleted."));
    }

    public static async Task<Ok<ServiceRunResponse>> StartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok(new ServiceRunResponse("Service started.", await services.StartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    /// <summary>Every container made anew; health-checked ones start-first, so their domains keep answering.</summary>
    public static async Task<Ok<ServiceRunResponse>> RestartAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok(new ServiceRunResponse("Service restarted.", await services.StartAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct, recreate: true)));

    public static async Task<Ok<ApiMessage>> StopAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct)
    {
        await services.StopAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Service stopped."));
    }

    public static async Task<Ok<ServiceLogs>> LogsAsync(
        string uuid, [FromQuery(Name = "sub_service_name")] string? subService, int? lines, [FromQuery(Name = "show_timestamps")] bool? timestamps,
        ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok(new ServiceLogs(await services.LogsAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, subService, lines ?? 100, timestamps == true, ct)));

    public static async Task<Ok<ServiceApplicationResponse>> GetApplicationAsync(
        string uuid, [FromRoute(Name = "app_uuid")] string appUuid, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct)
    {
        var service = await services.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(ServiceApplicationResponse.From(service.Applications.SingleOrDefault(a => a.Uuid == appUuid) ?? throw new NotFoundException()));
    }

    public static async Task<Ok<ServiceApplicationResponse>> UpdateApplicationAsync(
        string uuid, [FromRoute(Name = "app_uuid")] string appUuid, ServiceApplicationRequest body, [FromQuery(Name = "force_domain_override")] bool? force,
        ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct)
    {
        var change = new ServiceApplicationChange(
            body.Url, body.NoindexDomains, body.HumanName, body.Description, body.ExcludeFromStatus, body.IsGzipEnabled, body.IsStripprefixEnabled, force == true);
        return TypedResults.Ok(ServiceApplicationResponse.From(await services.UpdateApplicationAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, appUuid, change, ct)));
    }

    private static async Task<Ok<T>> PartsAsync<T>(string uuid, Func<Service, T> parts, ClaimsPrincipal user, TeamScopeFactory scopes, ComposeServices services, CancellationToken ct) =>
        TypedResults.Ok(parts(await services.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    private static List<string> Domains(Service service) =>
        [.. service.Applications.SelectMany(a => (a.Fqdn ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
