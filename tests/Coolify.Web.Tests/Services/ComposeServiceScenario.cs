using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Services;

/// <summary>What the compose service tests do through the API: a template-shaped two-service app, created and started.</summary>
internal static class ComposeServiceScenario
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// A web app and its PostgreSQL, written as Coolify's templates are: the app's domain from SERVICE_URL_APP_80, the
    /// database's user and password generated (SERVICE_USER_/SERVICE_PASSWORD_POSTGRES) and shared by both, defaults
    /// through ${VAR:-default}, the app started once the database is healthy.
    /// </summary>
    public static string TwoServiceCompose(string appImage, string postgresImage) => $$"""
        services:
          app:
            image: '{{appImage}}'
            environment:
              - SERVICE_URL_APP_80
              - DB_HOST=postgres
              - 'DB_USER=${SERVICE_USER_POSTGRES}'
              - 'DB_PASSWORD=${SERVICE_PASSWORD_POSTGRES}'
              - 'DB_NAME=${POSTGRES_DB:-appdb}'
              - 'GREETING=${GREETING:-hello}'
            depends_on:
              postgres:
                condition: service_healthy
            healthcheck:
              test: ['CMD-SHELL', 'test -f /tmp/ready && busybox wget -q -O /dev/null http://127.0.0.1/']
              interval: 1s
              timeout: 2s
              retries: 90
          postgres:
            image: '{{postgresImage}}'
            volumes:
              - 'app-postgres-data:/var/lib/postgresql/data'
            environment:
              - 'POSTGRES_USER=${SERVICE_USER_POSTGRES}'
              - 'POSTGRES_PASSWORD=${SERVICE_PASSWORD_POSTGRES}'
              - 'POSTGRES_DB=${POSTGRES_DB:-appdb}'
            healthcheck:
              test: ['CMD-SHELL', 'pg_isready -h 127.0.0.1 -U "$${POSTGRES_USER}" -d "$${POSTGRES_DB}"']
              interval: 1s
              timeout: 2s
              retries: 120
        """;

    /// <returns>The response: 201 with the uuid and domains, or what refused it.</returns>
    public static Task<HttpResponseMessage> CreateAsync(TestPlace place, string compose, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["project_uuid"] = place.ProjectUuid;
        body["server_uuid"] = place.ServerUuid;
        body["environment_name"] = "production";
        body["docker_compose_raw"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(compose));
        return place.Api.PostAsJsonAsync("/api/v1/services", body, Token);
    }

    public static async Task<JsonElement> PostOkAsync(TestPlace place, string path)
    {
        using var response = await place.Api.PostAsync(path, null, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The service's variables by key (the root token may read values).</summary>
    public static async Task<Dictionary<string, string>> VariablesAsync(TestPlace place, string uuid) =>
        (await place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{uuid}/envs", Token)).EnumerateArray()
            .ToDictionary(v => v.GetProperty("key").GetString()!, v => v.GetProperty("value").GetString() ?? string.Empty);
}
