using System.Net;
using Coolify.Web.Components.Layout;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Dashboard;

public class NavigationTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Entries() =>
        new(Navigation.Main.Select(e => (e.Href, e.Title)));

    [Fact]
    public void Navigation_HasEverySectionTheIssueNames()
    {
        string[] expected =
        [
            "Dashboard", "Projects", "Servers", "Sources", "Destinations", "S3 Storages", "Shared Variables",
            "Notifications", "Keys & Tokens", "Tags", "Terminal", "Profile", "Teams", "Settings",
        ];
        Assert.Equal(expected, Navigation.Main.Select(e => e.Title));
    }

    [Fact]
    public async Task Dashboard_ServerRendered_ShowsTheLayoutWithEveryLink()
    {
        var html = await factory.CreateClient().GetStringAsync("/", Token);

        Assert.Contains("<h1>Dashboard</h1>", html, StringComparison.Ordinal);
        foreach (var entry in Navigation.Main)
        {
            Assert.Contains($"href=\"{entry.Href}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("No projects yet", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task EveryNavigationLink_Opens_APageWithItsTitle(string href, string title)
    {
        using var response = await factory.CreateClient().GetAsync(href, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(title)}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_AnswersTheDashboards404()
    {
        using var response = await factory.CreateClient().GetAsync("/no/such/page", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
