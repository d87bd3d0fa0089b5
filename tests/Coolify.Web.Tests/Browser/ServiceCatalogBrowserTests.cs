using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>
/// Choosing a one-click service in Chromium: the catalog comes from a stand-in for Coolify's CDN, which has the
/// uptime-kuma logo and no other.
/// </summary>
public sealed class ServiceCatalogBrowserTests(TemplateFeedServer feed) : BrowserTestBase, IClassFixture<TemplateFeedServer>
{
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["COOLIFY_SERVICE_TEMPLATES_URL"] = feed.FeedUrl.ToString(),
        ["COOLIFY_SERVICE_LOGOS_URL"] = feed.LogosUrl.ToString(),
    };

    [Fact]
    public async Task NewService_SearchAndFilterTheCatalog_ThenPickATemplate_ShowsItsComposeFile()
    {
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync("Catalog shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New service (one-click)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New service", Level = 1 })).ToBeVisibleAsync();

        // The feed's two templates (its uptime-kuma replaces ours) and the four built-in ones it lacks.
        var catalog = page.GetByTestId("service-catalog");
        var cards = catalog.GetByTestId("template-card");
        await Assertions.Expect(cards).ToHaveCountAsync(6);
        await Assertions.Expect(Card(page, "uptime-kuma")).ToContainTextAsync("Uptime Kuma from the feed.");

        // A logo that loads is shown; one the logo server lacks, or a template without one, gets the neutral icon.
        await Assertions.Expect(Card(page, "uptime-kuma").Locator("img")).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, "uptime-kuma").GetByTestId("logo-fallback")).ToBeHiddenAsync();
        await Assertions.Expect(Card(page, "ghost").GetByTestId("logo-fallback")).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, "ghost").Locator("img")).ToBeHiddenAsync();
        await Assertions.Expect(Card(page, "hello-web").GetByTestId("logo-fallback")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("service-catalog.png"), FullPage = true });

        var search = catalog.GetByLabel("Search");
        await search.FillAsync("postgres");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(Card(page, "n8n-with-postgresql")).ToBeVisibleAsync();
        await search.FillAsync("STATUS PAGE");
        await Assertions.Expect(cards).ToHaveCountAsync(0);
        await Assertions.Expect(catalog.GetByTestId("catalog-empty")).ToBeVisibleAsync();
        await search.FillAsync(string.Empty);

        var category = catalog.GetByLabel("Category");
        await category.SelectOptionAsync("cms");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(Card(page, "ghost")).ToBeVisibleAsync();
        await category.SelectOptionAsync("documentation");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(Card(page, "wiki-from-feed")).ToBeVisibleAsync();
        await category.SelectOptionAsync(string.Empty);
        await Assertions.Expect(cards).ToHaveCountAsync(6);

        await page.GetByRole(AriaRole.Button, new() { Name = "Choose ghost" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ghost", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chosen-template")).ToContainTextAsync("A publishing platform for blogs");
        var compose = page.GetByTestId("template-compose");
        await Assertions.Expect(compose).ToContainTextAsync("SERVICE_PASSWORD_MYSQL");
        await Assertions.Expect(compose).ToContainTextAsync("mysqladmin");
        await Assertions.Expect(page.GetByTestId("service-create")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("service-template-chosen.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Choose another service" }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(6);
    }

    private static ILocator Card(IPage page, string name) => page.Locator($"[data-testid=template-card][data-template='{name}']");
}
