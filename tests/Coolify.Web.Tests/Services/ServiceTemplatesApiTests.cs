using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Services;

/// <summary>GET /api/v1/services/templates: the catalog as a script reads it, here from a stand-in for Coolify's CDN.</summary>
public sealed class ServiceTemplatesApiTests : IAsyncLifetime
{
    private TemplateFeedServer _feed = null!;
    private CoolifyWebFactory _factory = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _feed = await TemplateFeedServer.StartAsync();
        _factory = CoolifyWebFactory.With(("COOLIFY_SERVICE_TEMPLATES_URL", _feed.FeedUrl.ToString()));
    }

    private async Task<HttpClient> ReadOnlyApiAsync()
    {
        var user = await _factory.RegisterAsync("Catalog Reader", $"catalog-{Guid.NewGuid():N}@example.com");
        return _factory.CreateApiClient(await _factory.CreateTokenAsync(user, await _factory.TeamIdOfAsync(user), Abilities.Read));
    }

    [Fact]
    public async Task List_WithAReadToken_HasTheFeedAndTheBuiltIns_WithoutComposeFiles()
    {
        using var api = await ReadOnlyApiAsync();

        var templates = await api.GetFromJsonAsync<JsonElement>("/api/v1/services/templates", Token);

        var byName = templates.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal("A wiki only the feed has.", byName["wiki-from-feed"].GetProperty("slogan").GetString());
        Assert.Equal("documentation", byName["wiki-from-feed"].GetProperty("category").GetString());
        Assert.Equal(["from-feed"], byName["wiki-from-feed"].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(80, byName["wiki-from-feed"].GetProperty("port").GetInt32());
        Assert.Equal("svgs/wiki-from-feed.svg", byName["wiki-from-feed"].GetProperty("logo").GetString());
        Assert.Equal("0.0.0", byName["wiki-from-feed"].GetProperty("minversion").GetString());
        Assert.Equal("https://docs.example.com/wiki-from-feed", byName["wiki-from-feed"].GetProperty("documentation").GetString());
        Assert.Contains("ghost", byName.Keys);
        Assert.All(byName.Values, t => Assert.False(t.TryGetProperty("compose", out _)));
    }

    [Fact]
    public async Task Get_ByName_IncludesTheComposeFile()
    {
        using var api = await ReadOnlyApiAsync();

        var ghost = await api.GetFromJsonAsync<JsonElement>("/api/v1/services/templates/ghost", Token);

        Assert.Equal("ghost", ghost.GetProperty("name").GetString());
        Assert.StartsWith("services:", ghost.GetProperty("compose").GetString(), StringComparison.Ordinal);
        Assert.Contains("SERVICE_PASSWORD_MYSQL", ghost.GetProperty("compose").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownName_Is404WithCoolifysBody()
    {
        using var api = await ReadOnlyApiAsync();

        using var response = await api.GetAsync("/api/v1/services/templates/no-such-service", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Resource not found.", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/v1/services/templates")]
    [InlineData("/api/v1/services/templates/ghost")]
    public async Task Routes_WithoutAToken_Are401(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _feed.DisposeAsync();
    }
}
