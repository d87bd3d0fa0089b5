using System.Net;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

public class SystemApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_Always_AnswersOkAsPlainText()
    {
        using var response = await factory.CreateClient().GetAsync("/api/health", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Version_WithAToken_AnswersTheBareVersionString()
    {
        var user = await factory.RegisterAsync("Version Reader", "version@example.com");
        var token = await factory.CreateTokenAsync(user, await factory.TeamIdOfAsync(user), Abilities.Read);

        var version = await factory.CreateApiClient(token).GetStringAsync("/api/v1/version", Token);

        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", version);
        Assert.Equal(Coolify.Web.Api.SystemApi.Version, version);
    }

    [Fact]
    public async Task Version_WithoutAToken_Is401()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/version", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_IsCoolifysJson404()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/does-not-exist", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"message\":\"Resource not found.\"}", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public void Startup_WithDataDirectorySetting_CreatesTheDatabaseThere()
    {
        _ = factory.Server; // starts the host
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "coolify.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "key-*.xml"));
    }
}
