using System.Net;
using System.Net.Http.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Tenancy;

/// <summary>
/// Walks every API route with a token of another team and with a member's tokens. A route added later is
/// covered without touching this test.
/// </summary>
public sealed class CrossTeamAccessTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private const string SecretTeamMarker = "Alpha";

    // The fixture's host is shared by this class's tests: each test registers its own accounts.
    private readonly string _unique = Guid.NewGuid().ToString("N")[..8];

    private int _alphaTeam;
    private int _alphaOwnerId;
    private CreatedInvitation _alphaInvitation = null!;
    private string _alphaKeyUuid = string.Empty;
    private string _alphaServerUuid = string.Empty;
    private string _alphaDestinationUuid = string.Empty;
    private string _alphaProjectUuid = string.Empty;
    private string _alphaApplicationUuid = string.Empty;
    private string _alphaDeploymentUuid = string.Empty;
    private string _alphaVariableUuid = string.Empty;
    private string _alphaStorageUuid = string.Empty;
    private string _alphaTagUuid = string.Empty;
    private string _alphaCertificateUuid = string.Empty;
    private string _alphaDatabaseUuid = string.Empty;
    private string _alphaS3StorageUuid = string.Empty;
    private string _alphaBackupUuid = string.Empty;
    private string _alphaExecutionUuid = string.Empty;
    private string _alphaDatabaseVariableUuid = string.Empty;
    private string _alphaDatabaseStorageUuid = string.Empty;
    private string _alphaDatabaseTagUuid = string.Empty;
    private string _alphaServiceUuid = string.Empty;
    private string _alphaServiceApplicationUuid = string.Empty;
    private string _alphaServiceDatabaseUuid = string.Empty;
    private string _alphaServiceVariableUuid = string.Empty;
    private string _alphaServiceTagUuid = string.Empty;
    private string _alphaOwnerToken = string.Empty;
    private string _betaToken = string.Empty;
    private string _alphaMemberReadToken = string.Empty;
    private string _alphaMemberWriteToken = string.Empty;
    private IReadOnlyList<ApiRouteInventory.ApiRoute> _routes = [];

    public async ValueTask InitializeAsync()
    {
        var alphaOwner = await factory.RegisterAsync($"{SecretTeamMarker} Owner", $"owner-{_unique}@alpha.example");
        var beta = await factory.RegisterAsync("Beta Owner", $"owner-{_unique}@beta.example");
        var member = await factory.RegisterAsync("Mia Member", $"member-{_unique}@alpha.example");
        _alphaTeam = await factory.TeamIdOfAsync(alphaOwner);
        _alphaOwnerId = alphaOwner.Id;
        _alphaInvitation = await factory.InviteAsync(alphaOwner, _alphaTeam, $"guest-{_unique}@alpha.example");
        await factory.AddMemberAsync(member, _alphaTeam, TeamRole.Member);

        _alphaOwnerToken = await factory.CreateTokenAsync(alphaOwner, _alphaTeam, Abilities.Root);
        using (var owner = factory.CreateApiClient(_alphaOwnerToken))
        {
            using var key = await owner.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = $"{SecretTeamMarker} deploy key" }, TestContext.Current.CancellationToken);
            _alphaKeyUuid = (await key.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var server = await owner.PostAsJsonAsync("/api/v1/servers",
                new { name = $"{SecretTeamMarker} web", ip = "10.20.30.40", private_key_uuid = _alphaKeyUuid }, TestContext.Current.CancellationToken);
            _alphaServerUuid = (await server.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            // The server's default destination (its "coolify" network).
            _alphaDestinationUuid = (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/servers/{_alphaServerUuid}/destinations", TestContext.Current.CancellationToken))[0].GetProperty("uuid").GetString()!;
            using var project = await owner.PostAsJsonAsync("/api/v1/projects", new { name = $"{SecretTeamMarker} shop" }, TestContext.Current.CancellationToken);
            _alphaProjectUuid = (await project.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var application = await owner.PostAsJsonAsync("/api/v1/applications/dockerimage", new
            {
                project_uuid = _alphaProjectUuid, server_uuid = _alphaServerUuid, environment_name = "production",
                docker_registry_image_name = "nginx", name = $"{SecretTeamMarker} app", instant_deploy = true,
            }, TestContext.Current.CancellationToken);
            var created = await application.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
            _alphaApplicationUuid = created.GetProperty("uuid").GetString()!;
            _alphaDeploymentUuid = created.GetProperty("deployment_uuid").GetString()!;
            using var variable = await owner.PostAsJsonAsync($"/api/v1/applications/{_alphaApplicationUuid}/envs", new { key = "SECRET", value = $"{SecretTeamMarker} value" }, TestContext.Current.CancellationToken);
            _alphaVariableUuid = (await variable.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var storage = await owner.PostAsJsonAsync(
                $"/api/v1/applications/{_alphaApplicationUuid}/storages", new { type = "file", mount_path = "/etc/app.conf", content = $"{SecretTeamMarker} file" }, TestContext.Current.CancellationToken);
            _alphaStorageUuid = (await storage.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var tag = await owner.PostAsJsonAsync($"/api/v1/applications/{_alphaApplicationUuid}/tags", new { tag_name = $"{SecretTeamMarker} tag" }, TestContext.Current.CancellationToken);
            _alphaTagUuid = (await tag.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken))[0].GetProperty("uuid").GetString()!;
            var (certificate, privateKey) = Proxy.ProxyScenario.SelfSignedCertificate("alpha.example.com");
            using var uploaded = await owner.PostAsJsonAsync(
                $"/api/v1/servers/{_alphaServerUuid}/proxy/certificates", new { certificate, private_key = privateKey }, TestContext.Current.CancellationToken);
            _alphaCertificateUuid = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var database = await owner.PostAsJsonAsync("/api/v1/databases/postgresql", new
            {
                project_uuid = _alphaProjectUuid, server_uuid = _alphaServerUuid, environment_name = "production", name = $"{SecretTeamMarker} db",
            }, TestContext.Current.CancellationToken);
            _alphaDatabaseUuid = (await database.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var s3 = await owner.PostAsJsonAsync("/api/v1/s3-storages", new
            {
                name = $"{SecretTeamMarker} backups", endpoint = "https://s3.alpha.example", bucket = "alpha-backups", region = "us-east-1", key = "AKIA", secret = "alpha-secret",
            }, TestContext.Current.CancellationToken);
            _alphaS3StorageUuid = (await s3.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var backup = await owner.PostAsJsonAsync($"/api/v1/databases/{_alphaDatabaseUuid}/backups", new { frequency = "0 3 * * *" }, TestContext.Current.CancellationToken);
            _alphaBackupUuid = (await backup.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var databaseVariable = await owner.PostAsJsonAsync(
                $"/api/v1/databases/{_alphaDatabaseUuid}/envs", new { key = "DB_SECRET", value = $"{SecretTeamMarker} db value" }, TestContext.Current.CancellationToken);
            _alphaDatabaseVariableUuid = (await databaseVariable.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var databaseStorage = await owner.PostAsJsonAsync(
                $"/api/v1/databases/{_alphaDatabaseUuid}/storages", new { type = "file", mount_path = "/etc/db.conf", content = $"{SecretTeamMarker} db file" }, TestContext.Current.CancellationToken);
            _alphaDatabaseStorageUuid = (await databaseStorage.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var databaseTag = await owner.PostAsJsonAsync($"/api/v1/databases/{_alphaDatabaseUuid}/tags", new { tag_name = $"{SecretTeamMarker} db tag" }, TestContext.Current.CancellationToken);
            _alphaDatabaseTagUuid = (await databaseTag.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken))[0].GetProperty("uuid").GetString()!;
            var compose = "services:\n  web:\n    image: nginx\n    environment:\n      - SERVICE_URL_WEB_80\n      - SECRET=${SERVICE_PASSWORD_WEB}\n"
                + "  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${SERVICE_PASSWORD_DB}\n";
            using var service = await owner.PostAsJsonAsync("/api/v1/services", new
            {
                project_uuid = _alphaProjectUuid, server_uuid = _alphaServerUuid, environment_name = "production", name = $"{SecretTeamMarker} compose",
                docker_compose_raw = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(compose)),
            }, TestContext.Current.CancellationToken);
            _alphaServiceUuid = (await service.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            _alphaServiceApplicationUuid = (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/services/{_alphaServiceUuid}/applications", TestContext.Current.CancellationToken))[0]
                .GetProperty("uuid").GetString()!;
            _alphaServiceDatabaseUuid = (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/services/{_alphaServiceUuid}/databases", TestContext.Current.CancellationToken))[0]
                .GetProperty("uuid").GetString()!;
            using var serviceVariable = await owner.PostAsJsonAsync(
                $"/api/v1/services/{_alphaServiceUuid}/envs", new { key = "SERVICE_SECRET", value = $"{SecretTeamMarker} service value" }, TestContext.Current.CancellationToken);
            _alphaServiceVariableUuid = (await serviceVariable.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("uuid").GetString()!;
            using var serviceTag = await owner.PostAsJsonAsync($"/api/v1/services/{_alphaServiceUuid}/tags", new { tag_name = $"{SecretTeamMarker} service tag" }, TestContext.Current.CancellationToken);
            _alphaServiceTagUuid = (await serviceTag.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken))[0].GetProperty("uuid").GetString()!;
        }

        // A finished backup of it (its file is on Alpha's made-up server): the execution routes need one.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Coolify.Core.Persistence.CoolifyDbContext>();
            var schedule = await db.ScheduledDatabaseBackups.SingleAsync(s => s.Uuid == _alphaBackupUuid, TestContext.Current.CancellationToken);
            var execution = new Coolify.Core.Backups.BackupExecution { ScheduledDatabaseBackupId = schedule.Id, Status = "success", DatabaseName = "postgres", Filename = "/data/coolify/backups/alpha.dmp", Size = 1 };
            db.BackupExecutions.Add(execution);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            _alphaExecutionUuid = execution.Uuid;
        }

        _betaToken = await factory.CreateTokenAsync(beta, await factory.TeamIdOfAsync(beta), Abilities.Root);
        _alphaMemberReadToken = await factory.CreateTokenAsync(member, _alphaTeam, Abilities.Read);
        _alphaMemberWriteToken = await factory.CreateTokenAsync(member, _alphaTeam, Abilities.Read, Abilities.Write);
        _routes = ApiRouteInventory.Discover(factory.Services);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void Inventory_FindsTheApi() => Assert.Contains(_routes, r => r.Pattern == "/api/v1/teams/{id:int}");

    [Fact]
    public async Task EveryRoute_WithAnotherTeamsToken_RevealsNothingOfTheTeam()
    {
        using var client = factory.CreateApiClient(_betaToken);
        // Every route but the two that end the caller's own membership (they act on the token's team by
        // construction): ids in the path or the body all name Alpha's things.
        foreach (var route in _routes.Where(r => !EndsCallersMembership(r)))
        {
            using var response = await SendAsync(client, route);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.False(body.Contains(SecretTeamMarker, StringComparison.Ordinal), $"{route} showed another team's data: {body}");
            if (route.HasParameters && !IsInstanceCatalog(route))
            {
                Assert.True(
                    response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    $"{route} with another team's ids answered {(int)response.StatusCode}: {body} {string.Join('\n', factory.Logs.Messages.Where(m => m.Contains("Exception", StringComparison.Ordinal)).TakeLast(3))}");
            }
        }

        // And nothing of the other team changed.
        using var owner = factory.CreateApiClient(_alphaOwnerToken);
        Assert.Contains($"owner-{_unique}@alpha.example", await owner.GetStringAsync("/api/v1/team/members", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(_alphaInvitation.Invitation.Uuid, await owner.GetStringAsync("/api/v1/team/invitations", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains($"{SecretTeamMarker} deploy key", await owner.GetStringAsync($"/api/v1/security/keys/{_alphaKeyUuid}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains($"{SecretTeamMarker} web", await owner.GetStringAsync($"/api/v1/servers/{_alphaServerUuid}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(_alphaDestinationUuid, await owner.GetStringAsync("/api/v1/destinations", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains($"{SecretTeamMarker} shop", await owner.GetStringAsync($"/api/v1/projects/{_alphaProjectUuid}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    // The logs and download routes ask the resource's server, which here is a made-up address: they answer 422
    // (server unreachable) for the team's own resource, where another team's gets 404.
    private static HttpStatusCode ReachableStatus(ApiRouteInventory.ApiRoute route) =>
        route.Pattern.EndsWith("/logs", StringComparison.Ordinal) || route.Pattern.EndsWith("/download", StringComparison.Ordinal)
            ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK;

    [Fact]
    public async Task EveryRoute_WithTheOwnersToken_IsReachable()
    {
        // The control for the test above: the same ids do work for their own team.
        using var client = factory.CreateApiClient(_alphaOwnerToken);
        foreach (var route in _routes.Where(r => !r.IsWrite && !r.InstanceLevel))
        {
            using var response = await SendAsync(client, route);
            Assert.True(response.StatusCode == ReachableStatus(route), $"{route} answered {(int)response.StatusCode} to its own team's owner");
        }
    }

    [Fact]
    public async Task EveryWriteRoute_WithAMembersReadToken_IsForbidden()
    {
        using var client = factory.CreateApiClient(_alphaMemberReadToken);
        foreach (var route in _routes)
        {
            using var response = await SendAsync(client, route);
            var expected = route.IsWrite || route.InstanceLevel || route.ReadsSensitive ? HttpStatusCode.Forbidden : ReachableStatus(route);
            Assert.True(response.StatusCode == expected, $"{route} answered {(int)response.StatusCode} to a member's read token, expected {(int)expected}");
        }
    }

    [Fact]
    public async Task EveryRoute_WithAMembersTokenBeyondTheirRole_IsForbidden()
    {
        using var client = factory.CreateApiClient(_alphaMemberWriteToken);
        foreach (var route in _routes)
        {
            using var response = await SendAsync(client, route);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} answered {(int)response.StatusCode} to a member's write token");
        }
    }

    [Fact]
    public async Task EveryInstanceRoute_IsForInstanceAdminsOnly()
    {
        var instanceRoutes = _routes.Where(r => r.InstanceLevel).ToList();
        Assert.Contains(instanceRoutes, r => r.Pattern == "/api/v1/settings");
        Assert.Contains(instanceRoutes, r => r.Pattern == "/api/v1/audit-log");
        Assert.Contains(instanceRoutes, r => r.Pattern == "/api/v1/enable");
        var admin = await factory.InstanceAdminAsync();
        var stranger = await factory.RegisterAsync("Not Admin", $"not-admin-{_unique}@example.com");
        using var adminClient = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Root));
        using var strangerClient = factory.CreateApiClient(await factory.CreateTokenAsync(stranger, await factory.TeamIdOfAsync(stranger), Abilities.Root));

        foreach (var route in instanceRoutes)
        {
            using var refused = await SendAsync(strangerClient, route);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{route} answered {(int)refused.StatusCode} to the root token of someone who is not an instance admin");
            if (!route.IsWrite)
            {
                using var allowed = await SendAsync(adminClient, route);
                Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)allowed.StatusCode} to an instance admin");
            }
        }
    }

    // The service template catalog is the instance's, the same for every team: a template name is nobody's secret.
    private static bool IsInstanceCatalog(ApiRouteInventory.ApiRoute route) => route.Pattern.StartsWith("/api/v1/services/templates", StringComparison.Ordinal);

    private static bool EndsCallersMembership(ApiRouteInventory.ApiRoute route) =>
        (route.Method == "DELETE" && route.Pattern == "/api/v1/team") || route.Pattern == "/api/v1/team/leave";

    private Task<HttpResponseMessage> SendAsync(HttpClient client, ApiRouteInventory.ApiRoute route)
    {
        // Every identifier names something of team Alpha.
        var url = route.Url(name => name switch
        {
            "id" or "team_id" => _alphaTeam.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "user_id" => _alphaOwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // {uuid} names whatever the route is about.
            "uuid" when route.Pattern.StartsWith("/api/v1/security/keys/", StringComparison.Ordinal) => _alphaKeyUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/team/invitations/", StringComparison.Ordinal) => _alphaInvitation.Invitation.Uuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/servers/", StringComparison.Ordinal) => _alphaServerUuid,
            "server_uuid" => _alphaServerUuid,
            "certificateUuid" => _alphaCertificateUuid,
            "scheduled_backup_uuid" => _alphaBackupUuid,
            "execution_uuid" => _alphaExecutionUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/databases/", StringComparison.Ordinal) => _alphaDatabaseUuid,
            "env_uuid" when route.Pattern.StartsWith("/api/v1/databases/", StringComparison.Ordinal) => _alphaDatabaseVariableUuid,
            "storage_uuid" when route.Pattern.StartsWith("/api/v1/databases/", StringComparison.Ordinal) => _alphaDatabaseStorageUuid,
            "tag_uuid" when route.Pattern.StartsWith("/api/v1/databases/", StringComparison.Ordinal) => _alphaDatabaseTagUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/services/", StringComparison.Ordinal) => _alphaServiceUuid,
            "app_uuid" => _alphaServiceApplicationUuid,
            "database_uuid" => _alphaServiceDatabaseUuid,
            "env_uuid" when route.Pattern.StartsWith("/api/v1/services/", StringComparison.Ordinal) => _alphaServiceVariableUuid,
            "tag_uuid" when route.Pattern.StartsWith("/api/v1/services/", StringComparison.Ordinal) => _alphaServiceTagUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/s3-storages/", StringComparison.Ordinal) => _alphaS3StorageUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/destinations/", StringComparison.Ordinal) => _alphaDestinationUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/projects/", StringComparison.Ordinal) => _alphaProjectUuid,
            "environment_name_or_uuid" => "production",
            "env_uuid" => _alphaVariableUuid,
            "storage_uuid" => _alphaStorageUuid,
            "tag_uuid" => _alphaTagUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/tags/", StringComparison.Ordinal) => _alphaTagUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/applications/", StringComparison.Ordinal) => _alphaApplicationUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/deployments/applications/", StringComparison.Ordinal) => _alphaApplicationUuid,
            "uuid" when route.Pattern.StartsWith("/api/v1/deployments/", StringComparison.Ordinal) => _alphaDeploymentUuid,
            "secret" => _alphaInvitation.Secret,
            "provider" => "github",
            "name" when IsInstanceCatalog(route) => "uptime-kuma",
            _ => throw new InvalidOperationException($"{route}: say which of Alpha's identifiers '{name}' takes."),
        });
        var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (route.IsWrite)
        {
            // Body-addressed routes (Coolify's PATCH /security/keys) get Alpha's ids in the body too.
            request.Content = JsonContent.Create(new { name = "Renamed", role = "member", email = "someone@example.com", uuid = _alphaKeyUuid });
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
