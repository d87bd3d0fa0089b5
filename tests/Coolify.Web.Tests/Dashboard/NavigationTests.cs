using System.Net;
using Coolify.Web.Components.Layout;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Dashboard;

public sealed class NavigationTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var email = $"nav-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Navigator", email);
        _client = await factory.CreateSignedInClientAsync(email);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

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
        var html = await _client.GetStringAsync("/", Token);

        Assert.Contains("<h1>Dashboard</h1>", html, StringComparison.Ordinal);
        foreach (var entry in Navigation.Main)
        {
            Assert.Contains($"href=\"{entry.Href}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("No projects yet", html, StringComparison.Ordinal);
        Assert.Contains("Log out", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task EveryDashboardPage_WithoutASession_RedirectsToLogin(string href, string title)
    {
        _ = title;
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync(href, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task EveryNavigationLink_Opens_APageWithItsTitle(string href, string title)
    {
        using var response = await _client.GetAsync(href, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(title)}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_AnswersTheDashboards404()
    {
        using var response = await _client.GetAsync("/no/such/page", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReference_ListsTheApiRoutesWithTheirAbilities()
    {
        var html = await _client.GetStringAsync("/api-reference", Token);

        Assert.Contains("<h1>API reference</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/api/v1/teams/{id:int}</code>", html, StringComparison.Ordinal);
        Assert.Contains("get-team-by-id", html, StringComparison.Ordinal);
        Assert.Contains("create-team-invitation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{**path}", html, StringComparison.Ordinal);
        Assert.Contains("<td>root</td>", html, StringComparison.Ordinal); // enable-api
        Assert.Contains("<td>write</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>none</td>", html, StringComparison.Ordinal); // health
    }
}
