using System.Net;
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
    public async Task Version_Always_AnswersTheBareVersionString()
    {
        var version = await factory.CreateClient().GetStringAsync("/api/v1/version", Token);

        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", version);
        Assert.Equal(Coolify.Web.Api.SystemApi.Version, version);
    }

    [Fact]
    public async Task UnknownApiRoute_IsA404WithoutTheDashboardPage()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/does-not-exist", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(Token), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Startup_WithDataDirectorySetting_CreatesTheDatabaseThere()
    {
        _ = factory.Server; // starts the host
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "coolify.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "key-*.xml"));
    }
}
