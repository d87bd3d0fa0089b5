using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;

namespace Coolify.Web.Tests.Support;

/// <summary>Where a test's applications go: the instance admin's root API client, this machine's server and a new project.</summary>
public sealed record TestPlace(HttpClient Api, string ServerUuid, string ProjectUuid)
{
    public static async Task<TestPlace> CreateAsync(CoolifyWebFactory factory, string projectName)
    {
        var token = TestContext.Current.CancellationToken;
        var admin = await factory.InstanceAdminAsync();
        var api = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Root));
        var servers = await api.GetFromJsonAsync<JsonElement>("/api/v1/servers", token);
        var server = servers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "localhost").GetProperty("uuid").GetString()!;
        using var project = await api.PostAsJsonAsync("/api/v1/projects", new { name = projectName }, token);
        return new TestPlace(api, server, (await project.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("uuid").GetString()!);
    }

    /// <summary>A test image scripts/test.sh builds (its variable), or null outside it; a strict run (CI) insists.</summary>
    public static string? Image(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? (Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1" ? throw new InvalidOperationException($"{variable} is not set: run scripts/test.sh.") : null);
}
