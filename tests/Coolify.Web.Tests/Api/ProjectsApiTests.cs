using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>Coolify's /projects routes as a script would use them.</summary>
public sealed class ProjectsApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewProject_StartsWithProduction_AndEnvironmentsComeAndGo()
    {
        using var api = await OwnerApiAsync();

        using var created = await api.PostAsJsonAsync("/api/v1/projects", new { name = "Shop", description = "the web shop" }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var uuid = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        var project = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{uuid}", Token);
        Assert.Equal("Shop", project.GetProperty("name").GetString());
        Assert.Equal(["production"], project.GetProperty("environments").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Contains(uuid!, await api.GetStringAsync("/api/v1/projects", Token), StringComparison.Ordinal);

        using var staging = await api.PostAsJsonAsync($"/api/v1/projects/{uuid}/environments", new { name = "staging" }, Token);
        Assert.Equal(HttpStatusCode.Created, staging.StatusCode);
        var stagingUuid = (await staging.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var twice = await api.PostAsJsonAsync($"/api/v1/projects/{uuid}/environments", new { name = "staging" }, Token);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var hostile = await api.PostAsJsonAsync($"/api/v1/projects/{uuid}/environments", new { name = "../x;id" }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);

        // By name or by uuid, as Coolify allows.
        Assert.Equal(stagingUuid, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{uuid}/staging", Token)).GetProperty("uuid").GetString());
        Assert.Equal("staging", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{uuid}/{stagingUuid}", Token)).GetProperty("name").GetString());
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{uuid}/environments", Token)).GetArrayLength());

        using var renamed = await api.PatchAsJsonAsync($"/api/v1/projects/{uuid}/environments/staging", new { name = "preview", description = "pull requests" }, Token);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        using var clash = await api.PatchAsJsonAsync($"/api/v1/projects/{uuid}/environments/preview", new { name = "production" }, Token);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        using var removed = await api.DeleteAsync($"/api/v1/projects/{uuid}/environments/preview", Token);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        using var gone = await api.GetAsync($"/api/v1/projects/{uuid}/preview", Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var patched = await api.PatchAsJsonAsync($"/api/v1/projects/{uuid}", new { name = "Shop 2" }, Token);
        Assert.Equal(HttpStatusCode.Created, patched.StatusCode);
        var afterPatch = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{uuid}", Token);
        Assert.Equal("Shop 2", afterPatch.GetProperty("name").GetString());
        Assert.Equal("the web shop", afterPatch.GetProperty("description").GetString());

        using var deleted = await api.DeleteAsync($"/api/v1/projects/{uuid}", Token);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var deletedGet = await api.GetAsync($"/api/v1/projects/{uuid}", Token);
        Assert.Equal(HttpStatusCode.NotFound, deletedGet.StatusCode);
    }

    [Fact]
    public async Task BadProjectName_Is422_AndNothingIsStored()
    {
        using var api = await OwnerApiAsync();

        using var empty = await api.PostAsJsonAsync("/api/v1/projects", new { name = " " }, Token);
        using var script = await api.PostAsJsonAsync("/api/v1/projects", new { name = "<script>alert(1)</script>" }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, script.StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/projects", Token)).GetArrayLength());
    }

    private async Task<HttpClient> OwnerApiAsync()
    {
        var owner = await factory.RegisterAsync("Project Owner", $"projects-{Guid.NewGuid():N}@example.com");
        return factory.CreateApiClient(await factory.CreateTokenAsync(owner, await factory.TeamIdOfAsync(owner), Abilities.Root));
    }
}
